import { LAST_USED_INTERVAL_MS, LastUsedThrottle } from './last-used-throttle';

describe('LastUsedThrottle', () => {
  const t0 = Date.UTC(2026, 0, 1);

  it('lets one write per token through each minute', () => {
    const throttle = new LastUsedThrottle();
    expect(throttle.claim('a', t0)).toBe(true);
    expect(throttle.claim('a', t0 + 1)).toBe(false);
    expect(throttle.claim('b', t0 + 1)).toBe(true);
    expect(throttle.claim('a', t0 + LAST_USED_INTERVAL_MS - 1)).toBe(false);
    expect(throttle.claim('a', t0 + LAST_USED_INTERVAL_MS)).toBe(true);
    expect(throttle.claim('a', t0 + LAST_USED_INTERVAL_MS + 30_000)).toBe(false);
  });

  it('counts what the database holds as a write, unless it is older than what it knows', () => {
    const throttle = new LastUsedThrottle();
    throttle.observe('a', t0 - 20_000);
    expect(throttle.claim('a', t0)).toBe(false);
    expect(throttle.claim('a', t0 + 40_000)).toBe(true);
    throttle.observe('a', t0); // older than the write just claimed
    expect(throttle.claim('a', t0 + 41_000)).toBe(false);
    throttle.observe('b', null);
    expect(throttle.claim('b', t0)).toBe(true);
  });

  it('writes again after a forget (a failed write) or when the clock went back', () => {
    const throttle = new LastUsedThrottle();
    expect(throttle.claim('a', t0)).toBe(true);
    throttle.forget('a');
    expect(throttle.claim('a', t0 + 1)).toBe(true);
    expect(throttle.claim('a', t0 - 5000)).toBe(true);
  });

  it('remembers at most maxEntries tokens, forgetting the oldest write first', () => {
    const throttle = new LastUsedThrottle({ maxEntries: 2, intervalMs: 1000 });
    throttle.claim('a', t0);
    throttle.claim('b', t0);
    throttle.claim('c', t0);
    expect(throttle.claim('b', t0 + 1)).toBe(false);
    expect(throttle.claim('a', t0 + 1)).toBe(true);
  });
});
