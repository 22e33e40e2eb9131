/** Percentiles of a sample, and their one-line description. */
export interface Spread {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function spreadOf(samples: readonly number[]): Spread | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}

/** `p50 … p95 … p99 … max …` in ms (or seconds with `unit: 's'`). */
export function describeSpread(spread: Spread | null, unit: 'ms' | 's' = 'ms'): string {
  if (!spread) return 'no samples';
  const show = (ms: number) => (unit === 's' ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
  return `p50 ${show(spread.p50)}   p95 ${show(spread.p95)}   p99 ${show(spread.p99)}   max ${show(spread.max)}`;
}
