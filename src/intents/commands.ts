import type { Registry } from '../registry/schema.js';
import type { Intent } from './intent.js';
import { parseChanges, stripRelease } from './release-words.js';
import { stateWord } from './state-word.js';

/** A command word's parser: the words after it → an intent, or undefined to read the text as a question. */
type CommandParser = (rest: string[], registry: Registry) => Intent | undefined;

const policyCommand: CommandParser = (rest) => {
  const state = rest.map(stateWord).find(Boolean);
  if (state) return { kind: 'policy', state };
  return rest.length > 0 ? { kind: 'states', unknownState: rest.join(' ') } : { kind: 'states' };
};

const categoryCommand: CommandParser = (rest) =>
  rest.length > 0 ? { kind: 'category', query: stripRelease(rest).text } : { kind: 'categories' };

/**
 * Words of the settings commands, read by parse-settings.ts and parse-guarantees.ts before this table: never
 * looked up as features. What those parsers do not take ("guarantees please") answers with help.
 */
const RESERVED = ['settings', 'deliveries', 'unmute', 'guarantees'] as const;

/**
 * Every command word, in one place: the first word of what was typed. Subscription words (subscribe,
 * unsubscribe, subscriptions, ...) are read by parse-subscription.ts before this table.
 */
export const COMMANDS: Readonly<Record<string, CommandParser>> = {
  releases: () => ({ kind: 'releases' }),
  states: () => ({ kind: 'states' }),
  policy: policyCommand,
  policies: policyCommand,
  history: (rest) => (rest.length > 0 ? { kind: 'history', query: rest.join(' ') } : undefined),
  changes: parseChanges,
  category: categoryCommand,
  categories: categoryCommand,
  source: (rest) => (rest.length === 0 ? { kind: 'about', topic: 'source' } : undefined),
  ...Object.fromEntries(RESERVED.map((word) => [word, (): Intent => ({ kind: 'help' })])),
};
