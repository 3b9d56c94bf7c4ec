import type { EventEmitter } from 'node:events';
import type { RecordedCall, StandinEvents, Violation } from './types.js';
import type { CallIssue } from './web-api-auth.js';

export type CallMatch = string | ((call: RecordedCall) => boolean);

export interface WaitOptions {
  count?: number;
  timeoutMs?: number;
}

interface PendingWait {
  reject: (error: Error) => void;
  cleanup: () => void;
}

function toPredicate(match: CallMatch): (call: RecordedCall) => boolean {
  return typeof match === 'string' ? (c) => c.method === match : match;
}

function describeCall(c: RecordedCall): string {
  return `#${c.seq} ${c.kind} ${c.method} -> ${c.status}`;
}

/**
 * Every request the stand-in answered, in order. Tests wait on the 'call' event rather than
 * sleeping, so a wait resolves the moment the matching call lands.
 */
export class CallRecorder {
  readonly calls: RecordedCall[] = [];
  readonly violations: Violation[] = [];
  private seq = 0;
  private readonly pending = new Set<PendingWait>();

  constructor(
    private readonly emitter: EventEmitter<StandinEvents>,
    private readonly now: () => number,
  ) {}

  /**
   * Record a call and its issues (Block Kit limits, a token used for another team's ids); violations land
   * before 'call' fires so a waiter sees them.
   */
  record(call: Omit<RecordedCall, 'seq' | 'at'>, issues: readonly CallIssue[] = []): RecordedCall {
    this.seq += 1;
    const recorded: RecordedCall = { ...call, seq: this.seq, at: this.now() };
    this.calls.push(recorded);
    const byError = new Map<string, string[]>();
    for (const issue of issues)
      byError.set(issue.error, [...(byError.get(issue.error) ?? []), issue.message]);
    for (const [error, messages] of byError) {
      this.violations.push({ seq: recorded.seq, method: recorded.method, error, messages });
    }
    if (recorded.kind === 'unknown') {
      console.error(
        `\n*** SLACK STAND-IN: unknown method '${recorded.method}' was called (answered unknown_method). ` +
          'Implement it in packages/slack-standin or stop calling it. ***\n',
      );
    }
    this.emitter.emit('call', recorded);
    return recorded;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  unknownCalls(): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'unknown');
  }

  waitForCall(match: CallMatch, opts: WaitOptions = {}): Promise<RecordedCall[]> {
    const predicate = toPredicate(match);
    const count = opts.count ?? 1;
    const timeoutMs = opts.timeoutMs ?? 5000;
    const found = this.calls.filter(predicate);
    if (found.length >= count) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall): void => {
        if (!predicate(call)) return;
        found.push(call);
        if (found.length >= count) {
          entry.cleanup();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        entry.cleanup();
        const label = typeof match === 'string' ? `'${match}'` : 'a matching call';
        const seen = this.calls.map(describeCall).join('\n  ') || '(none)';
        reject(
          new Error(
            `waitForCall: wanted ${count} x ${label}, got ${found.length} within ${timeoutMs} ms. Recorded calls:\n  ${seen}`,
          ),
        );
      }, timeoutMs);
      const entry: PendingWait = {
        reject,
        cleanup: () => {
          clearTimeout(timer);
          this.emitter.off('call', onCall);
          this.pending.delete(entry);
        },
      };
      this.pending.add(entry);
      this.emitter.on('call', onCall);
    });
  }

  assertClean(): void {
    const problems: string[] = [];
    for (const c of this.unknownCalls()) problems.push(`unknown method ${c.method} (call #${c.seq})`);
    for (const v of this.violations) {
      problems.push(`${v.method} call #${v.seq}: ${v.error}\n    ${v.messages.join('\n    ')}`);
    }
    if (problems.length > 0) throw new Error(`Slack stand-in is not clean:\n  ${problems.join('\n  ')}`);
  }

  /** Reject every outstanding wait so no test hangs on a closed stand-in. */
  close(): void {
    for (const entry of [...this.pending]) {
      entry.cleanup();
      entry.reject(new Error('Slack stand-in closed while waiting for a call'));
    }
  }
}
