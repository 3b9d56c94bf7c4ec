import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from './values.js';

/** Form fields that web-api JSON-encodes inside the form body. */
const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'unfurls', 'metadata', 'user_auth_blocks']);

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodeJsonField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    // Leave it a string: the handler reports invalid_blocks_format / invalid_arguments like Slack.
    return value;
  }
}

/**
 * Web API parameters from query string plus body. web-api always sends form bodies; JSON bodies are
 * accepted too because Slack accepts them and hand-written tests find them easier.
 */
export function parseApiParams(
  contentType: string | undefined,
  raw: string,
  query: URLSearchParams,
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of query) params[k] = v;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' && raw.length > 0) {
    const parsed = decodeJsonField(raw);
    if (isRecord(parsed)) Object.assign(params, parsed);
  } else if (type === 'application/x-www-form-urlencoded' || (type === '' && raw.length > 0)) {
    for (const [k, v] of new URLSearchParams(raw)) params[k] = v;
  }
  for (const key of JSON_FIELDS) {
    const value = params[key];
    if (typeof value === 'string') params[key] = decodeJsonField(value);
  }
  return params;
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** HTTP Basic client credentials (`Authorization: Basic base64(id:secret)`), as oauth.v2.access takes them. */
export function basicCredentials(
  req: IncomingMessage,
): { clientId: string; clientSecret: string } | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
