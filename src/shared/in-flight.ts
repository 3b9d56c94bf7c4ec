/** Work under way, so that a graceful stop can wait for it (with a bound). */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private readonly waiters = new Set<() => void>();

  get size(): number {
    return this.running.size;
  }

  /** Runs `work` and counts it until it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const task = work();
    this.running.add(task);
    try {
      return await task;
    } finally {
      this.running.delete(task);
      if (this.running.size === 0) for (const wake of this.waiters) wake();
    }
  }

  /** Resolves true once nothing runs, or false when `timeoutMs` passes first. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.running.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (result: boolean): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(result);
      };
      const wake = (): void => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.waiters.add(wake);
    });
  }
}
