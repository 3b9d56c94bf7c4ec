import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rejectingIssues, validateMessage } from './block-kit-limits.js';
import type { Conversations, NewMessage } from './conversations.js';
import type { FaultQueue } from './faults.js';
import { readBody, sendJson, sendText } from './http-io.js';
import type { CallRecorder } from './recorder.js';
import type { ResponseUrlContext, StoredMessage } from './types.js';
import { asArray, asBool, asString, isRecord } from './values.js';

/** Slack lets a response_url take up to 5 posts. */
const MAX_USES = 5;
const DEFAULT_USER = 'U0USER';

interface Entry {
  context: ResponseUrlContext;
  uses: number;
  /** The last message posted through this URL; replace_original targets it when no message ts is known. */
  lastTs?: string;
}

export interface RespondDeps {
  recorder: CallRecorder;
  faults: FaultQueue;
  conversations: Conversations;
  /** The bot that posts through a response_url of this workspace (the default team's when none). */
  botFor(team: string | undefined): { botUserId: string; botId: string };
}

interface Answer {
  status: number;
  body: unknown;
}

/**
 * response_url endpoints. Bolt's respond() POSTs JSON here with global fetch (not the WebClient), and
 * throws RespondError on any non-2xx, so errors are real HTTP statuses here, unlike the Web API.
 */
export class ResponseUrls {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly baseUrl: () => string) {}

  create(context: ResponseUrlContext = {}): string {
    const id = randomUUID();
    this.entries.set(id, { context: { ...context }, uses: 0 });
    return `${this.baseUrl()}/respond/${id}`;
  }

  async handle(req: IncomingMessage, res: ServerResponse, id: string, deps: RespondDeps): Promise<void> {
    const raw = (await readBody(req)).toString('utf8');
    let params: Record<string, unknown> = {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (isRecord(parsed)) params = parsed;
    const base = { kind: 'respond' as const, method: 'response_url', params, responseUrlId: id };
    const entry = this.entries.get(id);

    const reply = (answer: Answer, issues: ReturnType<typeof validateMessage> = []): void => {
      if (typeof answer.body === 'string') sendText(res, answer.status, answer.body);
      else sendJson(res, answer.status, answer.body);
      deps.recorder.record({ ...base, status: answer.status, response: answer.body }, issues);
    };

    if (!entry) return reply({ status: 404, body: 'no_active_hooks' });
    if (entry.uses >= MAX_USES) return reply({ status: 404, body: 'used_url' });
    entry.uses += 1;
    const fault = deps.faults.take('response_url', entry.context.channel);
    if (fault && 'lostAnswer' in fault)
      throw new Error('injectFault: lostAnswer is for Web API methods only');
    if (fault) {
      deps.recorder.record({ ...base, ...deps.faults.apply(fault, req, res) });
      return;
    }
    if (!isRecord(parsed)) return reply({ status: 400, body: 'invalid_payload' });

    if (asBool(params.delete_original)) {
      const target = this.target(entry);
      const removed = target ? deps.conversations.remove(target.channel, target.ts) : undefined;
      return reply(removed ? { status: 200, body: { ok: true } } : notFound());
    }

    const issues = validateMessage({
      text: params.text,
      blocks: params.blocks,
      attachments: params.attachments,
    });
    const rejecting = rejectingIssues(issues);
    const first = rejecting[0];
    if (!asString(params.text) && params.blocks === undefined && params.attachments === undefined) {
      return reply({ status: 400, body: { ok: false, error: 'no_text' } }, issues);
    }
    if (first) {
      const body = {
        ok: false,
        error: first.error,
        response_metadata: { messages: rejecting.map((i) => i.message) },
      };
      return reply({ status: 400, body }, issues);
    }
    reply(this.apply(entry, params, deps), issues);
  }

  private apply(entry: Entry, params: Record<string, unknown>, deps: RespondDeps): Answer {
    const content: NewMessage = {
      text: asString(params.text),
      blocks: asArray(params.blocks),
      attachments: asArray(params.attachments),
    };
    const target = asBool(params.replace_original) ? this.target(entry) : undefined;
    if (target && deps.conversations.replace(target.channel, target.ts, content, 'overwrite')) {
      return { status: 200, body: { ok: true } };
    }
    // No original to replace: Slack posts a new message instead, so do we.
    const channelId = entry.context.channel;
    if (!channelId || !deps.conversations.get(channelId)) return { status: 404, body: 'channel_not_found' };
    const inChannel = params.response_type === 'in_channel';
    const bot = deps.botFor(entry.context.team);
    const stored = deps.conversations.post(channelId, {
      ...content,
      user: bot.botUserId,
      bot_id: bot.botId,
      thread_ts: asString(params.thread_ts),
      ephemeral: inChannel ? undefined : { user: entry.context.user ?? DEFAULT_USER },
    });
    entry.lastTs = stored.ts;
    return { status: 200, body: { ok: true } };
  }

  private target(entry: Entry): Pick<StoredMessage, 'channel' | 'ts'> | undefined {
    const channel = entry.context.channel;
    const ts = entry.context.messageTs ?? entry.lastTs;
    return channel && ts ? { channel, ts } : undefined;
  }
}

function notFound(): Answer {
  return { status: 404, body: 'message_not_found' };
}
