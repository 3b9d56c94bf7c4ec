/** Small narrowing helpers so untyped wire data never needs `any`. */

/** A Slack user id: U for a workspace's people, W for an Enterprise Grid organisation's. */
export const USER_ID = /^[UW][A-Z0-9]+$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Form fields carry booleans as the strings "true"/"false"; JSON bodies carry real booleans. */
export function asBool(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
