import { Injectable } from '@nestjs/common';

/** How long no callback must have been in flight before the instance counts as quiet. */
export const QUIET_AFTER_MS = 50;

/**
 * The activation callbacks this instance is answering. Magento waits for a callback's answer for
 * 5 s and never retries (`OauthService::postToConsumer()`, docs/magento-behaviour.md §2.4), while a
 * handshake can start any time within the consumer window; so while callbacks arrive, the
 * {@link ActivationRunner} starts no new handshake (whose statements and HTTP calls would compete
 * with the callbacks for the CPU and the database pool), for a bounded time.
 *
 * The timers are real time on purpose (scheduling, like the runner's store-lease polling): the
 * injected clock of tests does not move on its own.
 */
@Injectable()
export class CallbackTraffic {
  private inFlight = 0;
  private quietTimer: NodeJS.Timeout | null = null;
  private readonly waiting = new Set<() => void>();

  /** A callback arrived (pair with {@link leave}). */
  enter(): void {
    this.inFlight += 1;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = null;
  }

  /** A callback was answered (or refused). */
  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight > 0) return;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      if (this.inFlight === 0) this.releaseAll();
    }, QUIET_AFTER_MS);
    this.quietTimer.unref();
  }

  /** True when no callback is in flight and none ended in the last {@link QUIET_AFTER_MS}. */
  isQuiet(): boolean {
    return this.inFlight === 0 && this.quietTimer === null;
  }

  /** Resolves once the instance is quiet, or after `maxWaitMs` (so that work waiting on it never starves). */
  whenQuiet(maxWaitMs: number): Promise<void> {
    if (this.isQuiet()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(bound);
        this.waiting.delete(done);
        resolve();
      };
      const bound = setTimeout(done, maxWaitMs);
      bound.unref();
      this.waiting.add(done);
    });
  }

  /** Lets everything waiting go on at once (quiet, or the instance is stopping). */
  releaseAll(): void {
    for (const done of [...this.waiting]) done();
  }
}
