import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { boltLoggerFrom, createLogger } from '../../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('never writes a secret, by path or by value', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', secrets: ['s3cr3t-signing'], destination });
    log.info(
      { token: 'xoxb-123-abc', headers: { authorization: 'Bearer xoxb-123-abc' } },
      'calling with xoxb-999-zzz',
    );
    log.info({ detail: 'the secret is s3cr3t-signing' }, 'and xapp-1-A0-123');
    log.info({ body: 'refresh_token=xoxe-1-My0xLTE&token=xoxe.xoxb-1-MS0yLTM' }, 'rotating tokens');
    const out = lines.join('');
    expect(out).not.toMatch(/xoxb-|xapp-|xoxe|s3cr3t-signing/);
    expect(out).toContain('[redacted]');
  });

  it('keeps every argument Bolt passes, errors included', () => {
    const { lines, destination } = capture();
    const bolt = boltLoggerFrom(createLogger({ level: 'debug', secrets: [], destination }));
    bolt.error('An unhandled error occurred while Bolt processed', new Error('boom'), { type: 'event' });
    const entry = JSON.parse(lines[0] ?? '{}') as { msg: string; err: { message: string } };
    expect(entry.msg).toContain('An unhandled error occurred while Bolt processed');
    expect(entry.msg).toContain("type: 'event'");
    expect(entry.err.message).toBe('boom');
  });
});
