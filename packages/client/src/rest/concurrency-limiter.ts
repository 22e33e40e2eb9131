import { MagentoClientError } from '../errors/magento-client-error';

/** Bounds concurrent requests to one store. Share one instance between clients of the same store. */
export interface ConcurrencyLimiter {
  /** Runs `task` when a slot is free (FIFO); rejects with `ABORTED` if `signal` aborts while waiting. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly max: number;
  readonly active: number;
  readonly waiting: number;
}

/**
 * A slot of `outer` and then one of `inner` for each task (a group's own bound inside the store's).
 * `max` is the smaller; `active` and `waiting` are `outer`'s.
 */
export function nestLimiters(outer: ConcurrencyLimiter, inner: ConcurrencyLimiter): ConcurrencyLimiter {
  return {
    max: Math.min(outer.max, inner.max),
    get active() {
      return outer.active;
    },
    get waiting() {
      return outer.waiting;
    },
    run: (task, signal) => outer.run(() => inner.run(task, signal), signal),
  };
}

/**
 * An in-process FIFO semaphore. (Several processes need a shared limiter, e.g. on Redis, behind
 * the same interface.)
 *
 * @throws MagentoClientError `INVALID_INPUT` when `max` is not a positive integer.
 */
export function createConcurrencyLimiter(max: number): ConcurrencyLimiter {
  if (!Number.isInteger(max) || max < 1)
    throw new MagentoClientError(`maxConcurrency must be a positive integer, got ${max}.`, 'INVALID_INPUT');
  let active = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    active--;
    queue.shift()?.();
  };
  const acquire = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted)
        return reject(
          new MagentoClientError('Aborted while waiting for a free request slot.', 'ABORTED', { cause: signal.reason }),
        );
      if (active < max) return (active++, resolve());
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        active++;
        resolve();
      };
      const onAbort = () => {
        queue.splice(queue.indexOf(grant), 1);
        reject(
          new MagentoClientError('Aborted while waiting for a free request slot.', 'ABORTED', {
            cause: signal?.reason,
          }),
        );
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
    });
  return {
    max,
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    async run(task, signal) {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
