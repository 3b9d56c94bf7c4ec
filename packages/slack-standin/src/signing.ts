import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Slack's v0 request signature: 'v0=' + hex(HMAC-SHA256(secret, `v0:${timestamp}:${rawBody}`)).
 * The body must be the exact bytes sent; Bolt hashes rawBody.toString().
 */
export function signSlackRequest(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface VerifyInput {
  secret: string;
  timestamp: number;
  signature: string;
  rawBody: string;
  /** Unix seconds; default now. */
  nowSeconds?: number;
}

/**
 * Verify like Bolt does: only timestamps older than five minutes are rejected
 * (a future timestamp passes), then a constant-time compare of the signature.
 */
export function verifySlackSignature(input: VerifyInput): boolean {
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (!Number.isFinite(input.timestamp) || input.timestamp < now - 300) return false;
  const expected = Buffer.from(signSlackRequest(input.secret, input.timestamp, input.rawBody));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
