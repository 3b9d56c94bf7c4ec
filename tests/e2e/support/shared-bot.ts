import { afterAll, beforeAll } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from './bot-under-test.js';

/** One bot for a whole test file, with every unhandled rejection recorded so a test can fail on any. */
export interface SharedBot {
  readonly t: BotUnderTest;
  readonly unhandled: unknown[];
}

/** Starts the bot before the file's tests and stops it after; registers the vitest hooks itself. */
export function useSharedBot(): SharedBot {
  let bot: BotUnderTest | undefined;
  const unhandled: unknown[] = [];
  const record = (reason: unknown): void => {
    unhandled.push(reason);
  };
  beforeAll(async () => {
    process.on('unhandledRejection', record);
    bot = await startBotUnderTest();
  });
  afterAll(async () => {
    await bot?.close();
    process.off('unhandledRejection', record);
  });
  return {
    get t(): BotUnderTest {
      if (!bot) throw new Error('the shared bot is not started yet (use it inside a test)');
      return bot;
    },
    unhandled,
  };
}
