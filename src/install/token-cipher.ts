import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** AES-256-GCM with a 96-bit nonce, fresh for every write (https://nodejs.org/api/crypto.html#class-cipher). */
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const FORMAT = 'v1';

/** Encrypts installations (tokens inside) for the store, and reads what older keys wrote. */
export interface TokenCipher {
  /** The id of the key new writes use: stored beside the ciphertext, so that the key can be rotated. */
  readonly keyId: string;
  encrypt(plain: string): { keyId: string; data: string };
  /** Throws when no key it knows wrote `data`, or `data` was tampered with. */
  decrypt(data: string): string;
  /** Whether `data` was written with an older key (and should be written again with the current one). */
  isStale(data: string): boolean;
}

/** A key's id: the start of its sha256, so the id says which key without saying anything about it. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/**
 * A cipher over TOKEN_ENCRYPTION_KEY (32 bytes), also decrypting rows TOKEN_ENCRYPTION_KEY_PREVIOUS wrote.
 * Each value is "v1:<key id>:<nonce>:<tag>:<ciphertext>" (base64 parts).
 */
export function createTokenCipher(key: Buffer, previous?: Buffer): TokenCipher {
  const keys = new Map<string, Buffer>([[keyIdOf(key), key]]);
  if (previous) keys.set(keyIdOf(previous), previous);
  const current = keyIdOf(key);
  const parts = (data: string): { keyId: string; nonce: Buffer; tag: Buffer; body: Buffer } => {
    const [format, keyId, nonce, tag, body] = data.split(':');
    if (format !== FORMAT || !keyId || !nonce || !tag || body === undefined)
      throw new Error('not an encrypted installation this build can read');
    return {
      keyId,
      nonce: Buffer.from(nonce, 'base64'),
      tag: Buffer.from(tag, 'base64'),
      body: Buffer.from(body, 'base64'),
    };
  };
  return {
    keyId: current,
    encrypt(plain) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      const data = [
        FORMAT,
        current,
        nonce.toString('base64'),
        tag.toString('base64'),
        body.toString('base64'),
      ];
      return { keyId: current, data: data.join(':') };
    },
    decrypt(data) {
      const { keyId, nonce, tag, body } = parts(data);
      const secret = keys.get(keyId);
      if (!secret)
        throw new Error(`the installation was encrypted with key ${keyId}, which is not configured`);
      const decipher = createDecipheriv(ALGORITHM, secret, nonce);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
    isStale: (data) => parts(data).keyId !== current,
  };
}
