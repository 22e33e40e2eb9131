/** Pure arithmetic of bench/stores-10k/probes.ts: probes per store per interval, bursts, RSS slopes. */

/** One probe interval as the fake store saw it. */
export interface IntervalCount {
  /** Start of the interval (ms since the epoch, aligned on multiples of its length). */
  start: number;
  /** Probe requests in it. */
  requests: number;
  /** Stores probed at least once. */
  probed: number;
  /** Stores probed more than once (must be 0). */
  twice: number;
  /** Stores not probed. */
  missed: number;
  /** Most probes of one store. */
  max: number;
  /** First and last probe request in it (ms), or null without requests. */
  first: number | null;
  last: number | null;
}

/**
 * Counts probe requests per store in each interval `[start, start + intervalMs)` from `from`
 * (aligned) until `until` (exclusive), for stores `0 … storeCount - 1`.
 */
export function countPerInterval(
  stores: readonly number[],
  times: readonly number[],
  storeCount: number,
  intervalMs: number,
  from: number,
  until: number,
): IntervalCount[] {
  const intervals: IntervalCount[] = [];
  for (let start = from; start + intervalMs <= until; start += intervalMs) {
    const counts = new Uint16Array(storeCount);
    let requests = 0;
    let first: number | null = null;
    let last: number | null = null;
    for (let k = 0; k < times.length; k++) {
      const at = times[k];
      if (at < start || at >= start + intervalMs) continue;
      counts[stores[k]] += 1;
      requests += 1;
      first = first === null ? at : Math.min(first, at);
      last = last === null ? at : Math.max(last, at);
    }
    let probed = 0;
    let twice = 0;
    let max = 0;
    for (const count of counts) {
      if (count > 0) probed += 1;
      if (count > 1) twice += 1;
      max = Math.max(max, count);
    }
    intervals.push({ start, requests, probed, twice, missed: storeCount - probed, max, first, last });
  }
  return intervals;
}

/** Least-squares slope of `ys` over `xs` (0 when `xs` do not vary). */
export function fitSlope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - meanX) * (ys[i] - meanY);
    den += (xs[i] - meanX) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Least-squares slope of `values` over `times` (ms), in units per minute. */
export function slopePerMinute(times: readonly number[], values: readonly number[]): number {
  return fitSlope(times, values) * 60_000;
}

export const median = (values: readonly number[]): number =>
  values.length === 0 ? Number.NaN : [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
