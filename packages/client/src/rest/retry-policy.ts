/** How failed attempts are retried. */
export interface RetryOptions {
  /** Retries after the first attempt; default 3. */
  retries?: number;
  /** First backoff step; default 500 ms (doubled each retry). */
  baseDelayMs?: number;
  /** Largest backoff step; default 30 000 ms. */
  maxDelayMs?: number;
  /**
   * Methods retried after 429/502/503/504, network errors and timeouts; default `GET`, `HEAD`.
   * PUT and DELETE are opt-in: some Magento PUT routes create things (`PUT /V1/orders/create`,
   * `PUT /V1/carts/mine`), and a repeated DELETE answers 404. POST is never retried.
   */
  methods?: readonly string[];
  /** Give up instead of waiting when `Retry-After` asks for longer; default 120 000 ms. */
  maxRetryAfterMs?: number;
}

/** Statuses worth another try: rate limiting and gateway/availability failures. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** True when `method` may be re-sent after a failure (never POST). */
export function canRetryMethod(method: string, options: RetryOptions): boolean {
  const upper = method.toUpperCase();
  if (upper === 'POST' || upper === 'PATCH') return false;
  return (options.methods ?? ['GET', 'HEAD']).map((m) => m.toUpperCase()).includes(upper);
}

/**
 * Exponential backoff with jitter for retry number `retry` (1-based): a uniformly random delay
 * between half and all of `min(maxDelay, base·2^(retry-1))`. `random` is injected. Pure.
 */
export function computeBackoff(retry: number, options: RetryOptions, random: () => number): number {
  const base = options.baseDelayMs ?? 500;
  const cap = Math.min(options.maxDelayMs ?? 30_000, base * 2 ** (retry - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

/**
 * Parses `Retry-After`: delta-seconds, or an HTTP date measured against the response's own `Date`
 * header when present (so client clock skew does not distort it), else against `now`. Pure.
 *
 * @returns milliseconds to wait (≥ 0), or null when absent or unparseable.
 */
export function parseRetryAfter(value: string | null, responseDate: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return null;
  const reference = responseDate ? Date.parse(responseDate) : NaN;
  return Math.max(0, at - (Number.isFinite(reference) ? reference : now));
}
