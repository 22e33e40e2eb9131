import type { ConcurrencyLimiter } from '@magekit/client';

/** A store's limiter that notes when it was last used. */
export interface UsageTrackingLimiter extends ConcurrencyLimiter {
  /** When a call last took or gave back a slot, or the store's client was last handed out (ms). */
  readonly lastUsedAt: number;
  /** Notes a use now. */
  touch(): void;
}

/**
 * Wraps a store's limiter so that the registry can tell how long its client has been idle:
 * every call through it notes the time when it asks for a slot and when it gives the slot back.
 */
export function trackUsage(limiter: ConcurrencyLimiter, clock: () => number): UsageTrackingLimiter {
  let lastUsedAt = clock();
  const touch = () => void (lastUsedAt = clock());
  return {
    max: limiter.max,
    get active() {
      return limiter.active;
    },
    get waiting() {
      return limiter.waiting;
    },
    get lastUsedAt() {
      return lastUsedAt;
    },
    touch,
    async run(task, signal) {
      touch();
      try {
        return await limiter.run(task, signal);
      } finally {
        touch();
      }
    },
  };
}
