import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendText } from './http-io.js';
import type { Fault, FaultOptions } from './types.js';

interface QueuedFault {
  method: string;
  fault: Fault;
  remaining: number;
  channel?: string;
  team?: string;
}

export interface FaultOutcome {
  status: number;
  response: unknown;
}

/**
 * Faults injected by tests, consumed first-in first-out by the next matching calls. Method may be a Web
 * API method or 'response_url'.
 */
export class FaultQueue {
  private readonly queue: QueuedFault[] = [];
  private readonly hanging = new Set<ServerResponse>();

  add(method: string, fault: Fault, opts: FaultOptions = {}): void {
    const times = opts.times ?? 1;
    if (!(times >= 1)) throw new Error('injectFault: times must be at least 1');
    const entry: QueuedFault = { method, fault, remaining: times };
    if (opts.channel !== undefined) entry.channel = opts.channel;
    if (opts.team !== undefined) entry.team = opts.team;
    this.queue.push(entry);
  }

  /** Take the first fault for this call, if any. */
  take(method: string, channel: string | undefined, team?: string): Fault | undefined {
    const index = this.queue.findIndex(
      (q) =>
        q.method === method &&
        (q.channel === undefined || q.channel === channel) &&
        (q.team === undefined || q.team === team),
    );
    const entry = this.queue[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.queue.splice(index, 1);
    return entry.fault;
  }

  /**
   * Loses the answer to a request whose work is done: resets the connection, or sends `body` late. Returns
   * what to record.
   */
  loseAnswer(
    fault: Extract<Fault, { lostAnswer: unknown }>,
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
  ): FaultOutcome {
    if (fault.lostAnswer === 'reset') {
      req.socket.destroy();
      return { status: 0, response: { fault: 'lost answer (reset)', body } };
    }
    this.hanging.add(res);
    const timer = setTimeout(() => {
      this.hanging.delete(res);
      if (!res.destroyed) sendJson(res, 200, body);
    }, fault.delayMs);
    res.on('close', () => {
      clearTimeout(timer);
      this.hanging.delete(res);
    });
    return { status: 200, response: { fault: `lost answer (${fault.delayMs} ms late)`, body } };
  }

  /** Answer (or refuse to answer) the request as the fault says; returns what to record. */
  apply(
    fault: Exclude<Fault, { lostAnswer: unknown }>,
    req: IncomingMessage,
    res: ServerResponse,
  ): FaultOutcome {
    if ('hang' in fault) {
      // Never answer: web-api's default timeout is 0, so this tests the app's own timeouts. close() destroys it.
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return { status: 0, response: { fault: 'hang' } };
    }
    if ('reset' in fault) {
      req.socket.destroy();
      return { status: 0, response: { fault: 'reset' } };
    }
    if ('error' in fault) {
      const body = { ok: false, error: fault.error };
      sendJson(res, 200, body);
      return { status: 200, response: body };
    }
    if (fault.status === 429) {
      const body = { ok: false, error: 'ratelimited' };
      const headers: Record<string, string> =
        fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
      sendJson(res, 429, body, headers);
      return { status: 429, response: body };
    }
    const text = fault.status >= 500 ? 'internal_error' : `fault_${fault.status}`;
    sendText(res, fault.status, text);
    return { status: fault.status, response: text };
  }

  destroyHanging(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }
}
