/** AES-256 takes a 32-byte key. */
export const KEY_BYTES = 32;

/**
 * A key as TOKEN_ENCRYPTION_KEY holds it: 32 random bytes in base64 (standard or URL-safe alphabet), as
 * `openssl rand -base64 32` prints them. Returns the bytes, or why the text is not such a key.
 */
export function parseEncryptionKey(text: string): { ok: true; key: Buffer } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed))
    return { ok: false, reason: 'must be base64 (generate one with: openssl rand -base64 32)' };
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== KEY_BYTES)
    return {
      ok: false,
      reason: `must be ${KEY_BYTES} bytes in base64, not ${key.length} (generate one with: openssl rand -base64 32)`,
    };
  return { ok: true, key };
}
