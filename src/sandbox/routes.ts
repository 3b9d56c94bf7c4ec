import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  asString,
  type BlockActionInput,
  isRecord,
  readBody,
  sendJson,
} from '@osm-feature-bot/slack-standin';
import type { Logger } from 'pino';
import type { ConversationFeed } from './feed.js';
import { PAGE_CLIENT_JS } from './page/client-js.js';
import { PAGE_CSS } from './page/css.js';
import { PAGE_HTML } from './page/html.js';
import { SandboxInputError, type UserActions } from './user-actions.js';

export interface PageRouteDeps {
  feed: ConversationFeed;
  actions: UserActions;
  log: Logger;
}

const ASSETS: Record<string, { type: string; body: string }> = {
  '/': { type: 'text/html; charset=utf-8', body: PAGE_HTML },
  '/sandbox.css': { type: 'text/css; charset=utf-8', body: PAGE_CSS },
  '/sandbox.js': { type: 'text/javascript; charset=utf-8', body: PAGE_CLIENT_JS },
};

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The page's routes, offered to the stand-in's server as extraRoutes (the stand-in keeps /api/ and
 * /respond/). POSTs must be JSON: a cross-site form cannot send that without a CORS preflight, which is
 * never answered, so another web page cannot drive the sandbox.
 */
export function pageRoutes(deps: PageRouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const asset = ASSETS[path];
    if (asset && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, {
        'content-type': asset.type,
        'content-length': String(Buffer.byteLength(asset.body)),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy':
          "default-src 'self'; img-src 'self' https: http: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
      });
      res.end(req.method === 'HEAD' ? undefined : asset.body);
      return true;
    }
    if (path === '/sandbox/events' && req.method === 'GET') {
      deps.feed.subscribe(res);
      return true;
    }
    if ((path === '/sandbox/send' || path === '/sandbox/action') && req.method === 'POST') {
      await handlePost(path, req, res, deps);
      return true;
    }
    return false;
  };
}

async function handlePost(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  deps: PageRouteDeps,
): Promise<void> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return sendJson(res, 415, { ok: false, error: 'json_only' });
  const raw = await readBody(req);
  if (raw.length > MAX_BODY_BYTES) return sendJson(res, 413, { ok: false, error: 'too_large' });
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return sendJson(res, 400, { ok: false, error: 'invalid_json' });
  }
  try {
    if (!isRecord(body)) throw new SandboxInputError('expected a JSON object');
    const channel = requireString(body, 'channel');
    if (path === '/sandbox/send') await deps.actions.send(channel, requireString(body, 'text'));
    else await deps.actions.act(channel, requireString(body, 'ts'), actionInput(body.action));
    sendJson(res, 200, { ok: true });
  } catch (err) {
    if (err instanceof SandboxInputError) return sendJson(res, 400, { ok: false, error: err.message });
    deps.log.error({ err, path }, 'sandbox could not deliver to the app');
    sendJson(res, 502, { ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

function requireString(body: Record<string, unknown>, field: string): string {
  const value = asString(body[field]);
  if (value === undefined) throw new SandboxInputError(`missing ${field}`);
  return value;
}

/** The clicked element as the page describes it, narrowed to what buildBlockActionsPayload takes. */
function actionInput(value: unknown): BlockActionInput {
  if (!isRecord(value)) throw new SandboxInputError('missing action');
  const input: BlockActionInput = { action_id: requireString(value, 'action_id') };
  const type = asString(value.type);
  if (type === 'button' || type === 'static_select') input.type = type;
  const blockId = asString(value.block_id);
  if (blockId !== undefined) input.block_id = blockId;
  const actionValue = asString(value.value);
  if (actionValue !== undefined && type !== 'static_select') input.value = actionValue;
  const selected = value.selected_option;
  if (isRecord(selected)) {
    const text = requireString(selected, 'text');
    input.selected_option = { text: { type: 'plain_text', text }, value: requireString(selected, 'value') };
  }
  return input;
}
