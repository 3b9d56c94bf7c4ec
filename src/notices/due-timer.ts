/**
 * Calls `onDue` at each time it is given, earliest first, with one timer at a time: how a sender looks for
 * rows it handed back (a retry, a 429's pause) as they come due, instead of at its next poll. Times within
 * `horizonMs` only; the poll covers the rest. The timer never keeps the process alive.
 */
export class DueTimer {
  private readonly times: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly onDue: () => void,
    private readonly now: () => number,
    private readonly horizonMs: number,
  ) {}

  at(t: number): void {
    if (this.stopped || t - this.now() >= this.horizonMs) return;
    const i = this.times.findIndex((x) => x > t);
    if (i === -1) this.times.push(t);
    else this.times.splice(i, 0, t);
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.times.length = 0;
  }

  private arm(): void {
    const next = this.times[0];
    if (next === undefined || next >= this.armedFor) return;
    clearTimeout(this.timer);
    this.armedFor = next;
    this.timer = setTimeout(() => this.fire(), Math.max(0, next - this.now()));
    this.timer.unref();
  }

  private fire(): void {
    this.armedFor = Number.POSITIVE_INFINITY;
    const t = this.now();
    while ((this.times[0] ?? Number.POSITIVE_INFINITY) <= t) this.times.shift();
    this.onDue();
    this.arm();
  }
}
