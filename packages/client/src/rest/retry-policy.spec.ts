import { canRetryMethod, computeBackoff, parseRetryAfter } from './retry-policy';

describe('retry policy', () => {
  it('parses Retry-After seconds and HTTP dates', () => {
    const date = 'Sun, 01 Jun 2025 08:00:00 GMT';
    expect(parseRetryAfter('120', null, 0)).toBe(120_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 08:00:30 GMT', date, 0)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 08:00:30 GMT', null, Date.parse(date) + 10_000)).toBe(20_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 07:00:00 GMT', date, 0)).toBe(0);
    expect(parseRetryAfter('soon', null, 0)).toBeNull();
    expect(parseRetryAfter(null, null, 0)).toBeNull();
  });

  it('backs off exponentially between half and all of the capped step', () => {
    const options = { baseDelayMs: 200, maxDelayMs: 1000 };
    expect([1, 2, 3, 4].map((n) => computeBackoff(n, options, () => 0))).toEqual([100, 200, 400, 500]);
    expect([1, 2, 3, 4].map((n) => computeBackoff(n, options, () => 0.999999))).toEqual([200, 400, 800, 1000]);
  });

  it('retries GET and HEAD by default, PUT/DELETE on request, POST never', () => {
    expect(['GET', 'head', 'PUT', 'DELETE', 'POST'].map((m) => canRetryMethod(m, {}))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(
      ['PUT', 'DELETE', 'POST'].map((m) => canRetryMethod(m, { methods: ['GET', 'PUT', 'DELETE', 'POST'] })),
    ).toEqual([true, true, false]);
  });
});
