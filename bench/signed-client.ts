import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

/** A request signed ahead of time, so the load generator does no crypto or encoding while it measures. */
export interface PreparedRequest {
  headers: Record<string, string>;
  body: Buffer;
}

export interface Reply {
  status: number;
  body: string;
}

/** Signs `body` as Slack does (v0 HMAC over `v0:<ts>:<body>`). Bolt accepts timestamps up to 5 minutes old. */
export function signed(secret: string, body: string, contentType: string): PreparedRequest {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const bytes = Buffer.from(body);
  return {
    body: bytes,
    headers: {
      'content-type': contentType,
      'content-length': String(bytes.length),
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
    },
  };
}

export const signedForm = (secret: string, fields: Record<string, string>): PreparedRequest =>
  signed(secret, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');

export const signedJson = (secret: string, value: unknown): PreparedRequest =>
  signed(secret, JSON.stringify(value), 'application/json');

/**
 * A lean keep-alive client for one app on loopback: node:http with a pooled Agent, no fetch machinery,
 * so the client's own cost per request stays small next to the server's.
 */
export class LoopbackClient {
  private readonly agent: Agent;

  constructor(
    private readonly port: number,
    sockets: number,
    private readonly path = '/slack/events',
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  post(prepared: PreparedRequest): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: this.path,
          method: 'POST',
          agent: this.agent,
          headers: prepared.headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(prepared.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
