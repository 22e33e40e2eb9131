import { estimateClockSkew } from '@magekit/client';
import { classifyClockSkew } from './check-clock-skew';

describe('classifyClockSkew (store clock − local clock)', () => {
  it.each([
    [0, 'pass', 0],
    [-900, 'pass', -1],
    [59_000, 'pass', 59],
    [-60_400, 'pass', -60],
    [61_000, 'warn', 61],
    [-599_000, 'warn', -599],
    [900_000, 'warn', 900],
    [-601_000, 'fail', -601],
    [-900_000, 'fail', -900],
  ])('%d ms → %s (%d s)', (skewMs, status, seconds) => {
    const result = classifyClockSkew(skewMs);
    expect(result.status).toBe(status);
    expect(result.details['skewSeconds']).toBe(seconds);
  });

  it('fails a store more than 600 s behind with the message Magento gives', () => {
    const result = classifyClockSkew(-900_000);
    expect(result.finding).toContain('900 s behind');
    expect(result.finding).toContain('An error occurred validating the nonce');
    expect(result.hint).toMatch(/NTP/);
  });

  it('only warns for a store ahead: Magento has no lower bound on oauth_timestamp', () => {
    const result = classifyClockSkew(900_000);
    expect(result.finding).toContain('900 s ahead');
    expect(result.finding).toContain('no lower bound');
  });

  it('skips without a Date header', () => {
    expect(classifyClockSkew(null).status).toBe('skipped');
  });

  it('reads the skew from a Date header (one-second resolution)', () => {
    const receivedAt = Date.parse('2026-01-01T10:15:00.300Z');
    const skew = estimateClockSkew('Thu, 01 Jan 2026 09:59:59 GMT', receivedAt);
    expect(classifyClockSkew(skew).details['skewSeconds']).toBe(-901);
  });
});
