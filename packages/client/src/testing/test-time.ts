/** A clock tests move by hand (ms since the epoch). */
export interface ManualClock {
  (): number;
  advance(ms: number): void;
  set(ms: number): void;
}

/** Creates a {@link ManualClock} starting at `start`. */
export function createManualClock(start = Date.UTC(2025, 0, 1, 12, 0, 0)): ManualClock {
  let now = start;
  const clock = (() => now) as ManualClock;
  clock.advance = (ms) => void (now += ms);
  clock.set = (ms) => void (now = ms);
  return clock;
}

/**
 * A `sleep` that returns at once and records every delay asked for (and advances `clock` by it),
 * so retry and backoff tests run in microseconds. Rejects like the real one when `signal` aborts.
 */
export function createRecordingSleep(
  clock?: ManualClock,
): ((ms: number, signal?: AbortSignal) => Promise<void>) & { delays: number[] } {
  const delays: number[] = [];
  const sleep = async (ms: number, signal?: AbortSignal) => {
    if (signal?.aborted) throw signal.reason;
    delays.push(ms);
    clock?.advance(ms);
    await Promise.resolve();
    if (signal?.aborted) throw signal.reason;
  };
  return Object.assign(sleep, { delays });
}
