/** Interactive payload types Bolt routes (App.js getTypeAndConversation); each needs a `user` with an id. */
const INTERACTIVE_TYPES = new Set([
  'block_actions',
  'block_suggestion',
  'interactive_message',
  'dialog_submission',
  'dialog_cancellation',
  'dialog_suggestion',
  'message_action',
  'shortcut',
  'view_submission',
  'view_closed',
]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a parsed, signed request body has a shape Bolt can route without crashing or leaving it unacknowledged
 * (which it answers with a 404 after 3 s). Slack only sends such shapes; anything else is answered 400 at once.
 * Pure.
 */
export function isRoutableBody(body: unknown): boolean {
  if (!isRecord(body)) return false;
  if (body.ssl_check === '1' || body.type === 'url_verification') return true;
  if (typeof body.command === 'string') return body.command.startsWith('/');
  if (body.type === 'event_callback') return isRecord(body.event) && typeof body.event.type === 'string';
  if (typeof body.type === 'string' && INTERACTIVE_TYPES.has(body.type)) {
    if (!isRecord(body.user) || typeof body.user.id !== 'string') return false;
    if (body.type === 'view_submission' || body.type === 'view_closed') return isRecord(body.view);
    if (body.type === 'block_actions') return Array.isArray(body.actions) && body.actions.every(isRecord);
    return true;
  }
  return false;
}

/** Parses a body as Bolt does: exact form content-type → fields or `payload` JSON; anything else → JSON. */
export function parseSlackBody(raw: string, contentType: string | undefined): unknown {
  if (contentType === 'application/x-www-form-urlencoded') {
    const fields = Object.fromEntries(new URLSearchParams(raw));
    return typeof fields.payload === 'string' ? JSON.parse(fields.payload) : fields;
  }
  return JSON.parse(raw);
}
