import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, type SlackStandin, verifySlackSignature } from '../../src/index.js';

export interface ReceivedRequest {
  path: string;
  signed: boolean;
  body: Record<string, unknown>;
}

/** A bare app endpoint that checks each request's signature and keeps the JSON bodies, in order. */
export class AppReceiver {
  readonly received: ReceivedRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(signingSecret: () => string): Promise<AppReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const receiver = new AppReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => {
      void readBody(req).then((raw) => {
        const rawBody = raw.toString('utf8');
        const signed = verifySlackSignature({
          secret: signingSecret(),
          timestamp: Number(req.headers['x-slack-request-timestamp']),
          signature: String(req.headers['x-slack-signature'] ?? ''),
          rawBody,
        });
        const parsed: unknown = JSON.parse(rawBody);
        const body = typeof parsed === 'object' && parsed !== null ? { ...parsed } : {};
        receiver.received.push({ path: req.url ?? '/', signed, body });
        res.writeHead(200).end();
      });
    });
    return receiver;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Approve an install as `team` the way the browser's visit to /oauth/v2/authorize would; the code. */
export async function authorizeCode(
  standin: SlackStandin,
  query: Record<string, string>,
): Promise<{ status: number; location: URL | undefined }> {
  const url = new URL('/oauth/v2/authorize', standin.baseUrl);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: 'manual' });
  await res.text();
  const location = res.headers.get('location');
  return { status: res.status, location: location === null ? undefined : new URL(location) };
}

/** The newest live bot token of a team; fails the test when it has none. */
export function botTokenOf(standin: SlackStandin, team: string): string {
  const token = standin.team(team)?.botToken;
  if (!token) throw new Error(`Slack stand-in: team ${team} has no live bot token`);
  return token;
}
