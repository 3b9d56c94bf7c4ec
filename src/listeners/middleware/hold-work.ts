import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from 'pino';
import { resolveText } from '../../answer/resolve-text.js';
import type { RegistryProvider } from '../../registry/provider.js';
import type { WorkStore } from '../../store/store.js';
import { workspaceOf } from '../workspace.js';

/** The context key a recovered request carries: the id of its pending-work row. */
export const RECOVERED_WORK = 'recoveredWork';

export interface HoldWorkDeps {
  work: WorkStore;
  registry: RegistryProvider;
  log: Logger;
  /** This replica's name on the leases it holds. */
  worker: string;
  leaseMs: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What kind of request `body` is, when its work outlives the ack: a command answered later through
 * response_url, an event (a mention's or DM's reply, a Home view, an unfurl), a button or select. A question
 * answered in the ack itself has nothing left to lose.
 */
function lastingKind(body: Record<string, unknown>, registry: RegistryProvider): string | undefined {
  if (typeof body.command === 'string') {
    const text = typeof body.text === 'string' ? body.text : '';
    return resolveText(text, registry.current()).answer ? undefined : 'command';
  }
  if (body.type === 'event_callback') return 'event';
  if (body.type === 'block_actions') return 'action';
  return undefined;
}

/**
 * Holds acknowledged work under a lease while it runs, so that a replica killed half way (or stopped before
 * it could finish) hands it to another, which replays the request. Best effort: when the store cannot hold
 * it, the work still runs (a question needs no store).
 */
export function holdWork(deps: HoldWorkDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    if (context[RECOVERED_WORK] !== undefined || !isRecord(body)) return next();
    const kind = lastingKind(body, deps.registry);
    if (!kind) return next();
    // The deprecated verification token is nothing the replay needs.
    const { token: _verification, ...kept } = body;
    // The work runs while its row is written, so the write adds nothing to the answer's latency; a row is
    // only ever finished once it exists.
    const held = deps.work
      .hold(workspaceOf(context), kind, kept, deps.worker, deps.leaseMs)
      .catch((err: unknown) => {
        deps.log.warn({ err }, 'could not hold acknowledged work in the store; it runs without a safety net');
        return undefined;
      });
    try {
      await next();
    } finally {
      const id = await held;
      if (id !== undefined) await deps.work.finish(id).catch(() => undefined);
    }
  };
}
