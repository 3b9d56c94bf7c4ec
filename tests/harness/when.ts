import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { pino } from 'pino';

/** Resolves when `check()` holds, re-checked whenever `events` emits 'change'. No polling, no sleeping. */
export function when(events: EventEmitter, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const look = (): void => {
      if (!check()) return;
      events.off('change', look);
      resolve();
    };
    events.on('change', look);
    look();
  });
}

/** A logger whose lines tests can read and wait for. */
export function capturingLogger(level: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  const events = new EventEmitter();
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      events.emit('change');
      done();
    },
  });
  return {
    lines,
    log: pino({ level }, stream),
    logged: (text: string) => when(events, () => lines.some((l) => l.includes(text))),
  };
}
