import { planRetry, type RetryPolicy } from './handshake-retry';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000 };
const now = 1_000_000;

describe('handshake retries', () => {
  it('retries transient failures with doubling delays', () => {
    const delays = [1, 2, 3].map((attempts) =>
      planRetry({ step: 'access_token', code: 'NETWORK', attempts, now, windowEndsAt: now, policy }),
    );
    expect(delays).toEqual([
      { retry: true, delayMs: 1000 },
      { retry: true, delayMs: 2000 },
      { retry: true, delayMs: 4000 },
    ]);
    expect(planRetry({ step: 'access_token', code: 'TIMEOUT', attempts: 4, now, windowEndsAt: now, policy })).toEqual({
      retry: false,
      reason: 'attempts_exhausted',
    });
  });

  it.each([
    'CONSUMER_EXPIRED',
    'SIGNATURE_INVALID',
    'HANDSHAKE_STATE',
    'VERIFIER_INVALID',
    'INVALID_RESPONSE',
    'HTTP_ERROR',
    'STORE_URL_REFUSED',
  ])('never retries %s', (code) => {
    expect(planRetry({ step: 'request_token', code, attempts: 1, now, windowEndsAt: now + 300_000, policy })).toEqual({
      retry: false,
      reason: 'permanent',
    });
  });

  it.each(['NETWORK', 'TIMEOUT', 'SERVER_ERROR', 'RATE_LIMITED'])('retries %s', (code) => {
    expect(planRetry({ step: 'request_token', code, attempts: 1, now, windowEndsAt: now + 300_000, policy })).toEqual({
      retry: true,
      delayMs: 1000,
    });
  });

  it('retries the request-token step only while the retry still starts inside the consumer window (minus the margin)', () => {
    const at = (windowLeftMs: number) =>
      planRetry({
        step: 'request_token',
        code: 'SERVER_ERROR',
        attempts: 2,
        now,
        windowEndsAt: now + windowLeftMs,
        policy,
      });
    expect(at(4001)).toEqual({ retry: true, delayMs: 2000 }); // 2000 delay + 2000 margin < 4001
    expect(at(4000)).toEqual({ retry: false, reason: 'window_closed' });
    // The access-token step is not bound by the window (docs/magento-behaviour.md §1.8).
    expect(
      planRetry({ step: 'access_token', code: 'SERVER_ERROR', attempts: 2, now, windowEndsAt: now - 1, policy }),
    ).toEqual({ retry: true, delayMs: 2000 });
  });

  it('caps single delays', () => {
    expect(
      planRetry({
        step: 'probe',
        code: 'NETWORK',
        attempts: 9,
        now,
        windowEndsAt: now,
        policy: { maxAttempts: 20, baseDelayMs: 1000, maxDelayMs: 5000 },
      }),
    ).toEqual({ retry: true, delayMs: 5000 });
  });
});
