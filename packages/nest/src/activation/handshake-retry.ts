import type { MagentoClientErrorCode } from '@magekit/client';

/** Which handshake step failed. Only `request_token` is bound by the consumer window (`Consumer::isValidForTokenExchange`, docs/magento-behaviour.md §1.8). */
export type HandshakeStep = 'request_token' | 'access_token' | 'probe';

/** Retry settings (from `handshake` options). */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  /** Leave at least this much of the window for the request to arrive; default 2000 ms. */
  windowMarginMs?: number;
  /** Largest single delay; default 30 000 ms. */
  maxDelayMs?: number;
}

/** The decision after a failed attempt. */
export type RetryDecision =
  { retry: true; delayMs: number } | { retry: false; reason: 'permanent' | 'attempts_exhausted' | 'window_closed' };

/** Failures worth another attempt: the store did not answer, or answered 5xx / 429. */
export const TRANSIENT_CODES: ReadonlySet<MagentoClientErrorCode | string> = new Set([
  'NETWORK',
  'TIMEOUT',
  'SERVER_ERROR',
  'RATE_LIMITED',
]);

/**
 * Decides whether to try a handshake step again after `attempts` failed attempts. Delays double
 * from `baseDelayMs`; a `request_token` retry is planned only if it still starts inside Magento's
 * consumer window (`windowEndsAt`, minus a margin). Pure.
 */
export function planRetry(input: {
  step: HandshakeStep;
  code: string;
  attempts: number;
  now: number;
  windowEndsAt: number;
  policy: RetryPolicy;
}): RetryDecision {
  const { step, code, attempts, now, windowEndsAt, policy } = input;
  if (!TRANSIENT_CODES.has(code)) return { retry: false, reason: 'permanent' };
  if (attempts >= policy.maxAttempts) return { retry: false, reason: 'attempts_exhausted' };
  const delayMs = Math.min(policy.baseDelayMs * 2 ** (attempts - 1), policy.maxDelayMs ?? 30_000);
  if (step === 'request_token' && now + delayMs + (policy.windowMarginMs ?? 2000) >= windowEndsAt)
    return { retry: false, reason: 'window_closed' };
  return { retry: true, delayMs };
}
