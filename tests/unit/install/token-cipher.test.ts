import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../../src/install/token-cipher.js';

const KEY = randomBytes(32);
const OLD = randomBytes(32);

describe('token cipher', () => {
  it('round-trips, with a fresh nonce each write and no plain text in the output', () => {
    const cipher = createTokenCipher(KEY);
    const a = cipher.encrypt('{"bot":{"token":"xoxb-T1-secret"}}');
    const b = cipher.encrypt('{"bot":{"token":"xoxb-T1-secret"}}');
    expect(a.data).not.toEqual(b.data);
    expect(a.data).not.toContain('xoxb');
    expect(a.keyId).toBe(cipher.keyId);
    expect(cipher.decrypt(a.data)).toBe('{"bot":{"token":"xoxb-T1-secret"}}');
    expect(cipher.isStale(a.data)).toBe(false);
  });

  it('reads what the previous key wrote, says it is stale, and refuses an unknown key', () => {
    const before = createTokenCipher(OLD).encrypt('old secret');
    const rotated = createTokenCipher(KEY, OLD);
    expect(rotated.decrypt(before.data)).toBe('old secret');
    expect(rotated.isStale(before.data)).toBe(true);
    expect(() => createTokenCipher(KEY).decrypt(before.data)).toThrow(/not configured/);
  });

  it('refuses tampered or foreign data', () => {
    const cipher = createTokenCipher(KEY);
    const { data } = cipher.encrypt('secret');
    const parts = data.split(':');
    const body = Buffer.from(parts[4] ?? '', 'base64');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
    expect(() => cipher.decrypt('xoxb-plain')).toThrow(/build can read/);
  });
});
