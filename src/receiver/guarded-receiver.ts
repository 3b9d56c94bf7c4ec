import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  AuthorizationError,
  type CustomRoute,
  HTTPModuleFunctions,
  HTTPReceiver,
  type Logger,
  type ReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';
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
    processEventErrorHandler: answerUnreadableBody,
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

/**
 * Bolt threw while reading a signed body, before any listener ran (a view_submission without a view, say): the
 * body is at fault, so 400 rather than Bolt's 500. Listener errors never get here (app.error handles them), and
 * a failed authorize keeps Bolt's 401.
 */
async function answerUnreadableBody(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (args.error instanceof AuthorizationError || args.response.headersSent) {
    return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  }
  args.logger.warn('Bolt could not read a signed request; answered 400', args.error);
  args.response.writeHead(400).end();
  return true;
}
