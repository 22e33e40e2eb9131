/** Runs `run` later (default `setImmediate`, after the current request has been answered). */
export type Defer = (run: () => void) => void;

const defaultDefer: Defer = (run) => void setImmediate(run);

/**
 * A first-in, first-out queue worked by one worker at a time, like one `async.operations.all`
 * consumer (`bin/magento queue:consumers:start async.operations.all`): jobs run in the order they
 * were pushed, each to its end before the next. `work` records its own failures; a rejection is
 * ignored here. It can be paused (jobs wait, as with no consumer running) and stopped.
 */
export class SerialQueue<T> {
  private readonly pending: T[] = [];
  private running: Promise<void> | null = null;
  private scheduled = false;
  private paused = false;
  private stopped = false;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly work: (job: T) => Promise<void>,
    private readonly defer: Defer = defaultDefer,
  ) {}

  /** Jobs waiting (not counting the one running). */
  get size(): number {
    return this.pending.length;
  }

  push(jobs: readonly T[]): void {
    if (this.stopped) return;
    this.pending.push(...jobs);
    this.schedule();
  }

  /** Jobs wait until {@link resume}; the one running finishes. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.schedule();
  }

  /** Resolves once nothing runs and nothing is waiting to (or the queue is paused or stopped). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops waiting jobs and resolves when the running one has finished; later pushes are ignored. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pending.length = 0;
    await this.running;
    this.notifyIfIdle();
  }

  private schedule(): void {
    if (this.running !== null || this.scheduled || this.paused || this.stopped || this.pending.length === 0) {
      this.notifyIfIdle();
      return;
    }
    this.scheduled = true;
    this.defer(() => this.start());
  }

  private start(): void {
    this.scheduled = false;
    const run: Promise<void> = this.drain().finally(() => {
      if (this.running === run) this.running = null;
      this.schedule();
    });
    this.running = run;
  }

  private async drain(): Promise<void> {
    while (!this.paused && !this.stopped && this.pending.length > 0) {
      const job = this.pending.shift() as T;
      try {
        await this.work(job);
      } catch {
        // The worker records its own failures; the queue goes on.
      }
    }
  }

  private isIdle(): boolean {
    return this.running === null && !this.scheduled && (this.pending.length === 0 || this.paused || this.stopped);
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
