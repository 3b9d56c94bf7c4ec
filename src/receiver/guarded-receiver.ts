import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CustomRoute, HTTPModuleFunctions, HTTPReceiver, type Logger } from '@slack/bolt';
import { isRoutableBody, parseSlackBody } from './body-shape.js';

const EVENTS_PATH = '/slack/events';
const BODY_LIMIT = 4 * 1024 * 1024;

/**
 * Bolt's HTTPReceiver, with a guard in front of /slack/events: a signed body Bolt cannot route (JSON null, an
 * array, a JSON command sent as a form, block_actions without a user) gets 400 at once instead of a crash (500)
 * or Bolt's 404 after 3 s. The signature is still checked first: a bad one is 401 whatever the shape. The guard
 * buffers the body; Bolt reuses the buffered body (bufferIncomingMessage keeps `rawBody`).
 */
export function createGuardedReceiver(opts: {
  signingSecret: string;
  logger: Logger;
  customRoutes: CustomRoute[];
}): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: opts.signingSecret,
    logger: opts.logger,
    customRoutes: opts.customRoutes,
  });
  const inner = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== EVENTS_PATH) {
      inner(req, res);
      return;
    }
    guard(req, res, opts).then(
      (pass) => {
        if (pass) inner(req, res);
      },
      (err: unknown) => {
        opts.logger.warn('request guard failed', err);
        if (!res.headersSent) res.writeHead(400).end();
      },
    );
  };
  return receiver;
}

async function guard(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { signingSecret: string; logger: Logger },
): Promise<boolean> {
  let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.bufferIncomingMessage>>;
  try {
    buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, BODY_LIMIT);
  } catch (err) {
    const tooLarge =
      HTTPModuleFunctions.isRawBodyError(err) && (err.type === 'entity.too.large' || err.statusCode === 413);
    res.writeHead(tooLarge ? 413 : 400).end();
    return false;
  }
  let body: unknown;
  try {
    body = parseSlackBody(buffered.rawBody.toString(), req.headers['content-type']);
  } catch {
    return true; // Bolt answers a malformed body itself (401 if unsigned, else 400).
  }
  if (isRoutableBody(body)) return true;
  try {
    await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
      { enabled: true, signingSecret: opts.signingSecret },
      buffered,
    );
  } catch {
    res.writeHead(401).end();
    return false;
  }
  opts.logger.warn('signed request with a body Slack would not send; answered 400');
  res.writeHead(400).end();
  return false;
}
