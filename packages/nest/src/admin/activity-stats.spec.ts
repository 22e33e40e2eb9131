import { activityRangeStart, bucketActivity, parseActivityDays } from './activity-stats';

describe('activity stats', () => {
  const now = Date.UTC(2026, 0, 31, 15, 30);

  it('covers N UTC days ending today', () => {
    expect(new Date(activityRangeStart(now, 1)).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(new Date(activityRangeStart(now, 30)).toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });

  it('counts started and failed activations per day, zero days included, outside instants ignored', () => {
    const start = activityRangeStart(now, 3);
    const at = (iso: string) => new Date(iso);
    const result = bucketActivity(
      start,
      3,
      [
        at('2026-01-29T00:00:00.000Z'),
        at('2026-01-29T23:59:59.999Z'),
        at('2026-01-31T12:00:00Z'),
        at('2026-01-28T23:59:59.999Z'),
      ],
      [at('2026-01-31T00:00:01Z'), at('2026-02-01T00:00:00Z')],
    );
    expect(result).toEqual({
      days: 3,
      points: [
        { date: '2026-01-29', started: 2, failed: 0 },
        { date: '2026-01-30', started: 0, failed: 0 },
        { date: '2026-01-31', started: 1, failed: 1 },
      ],
    });
  });

  it('validates days', () => {
    expect(parseActivityDays(undefined)).toBe(30);
    expect(parseActivityDays('365')).toBe(365);
    for (const bad of ['0', '366', '1.5', 'x', '-3'])
      expect(() => parseActivityDays(bad)).toThrow(
        expect.objectContaining({
          code: 'INVALID_INPUT',
          message: 'Invalid activity query: days must be an integer from 1 to 365.',
        }),
      );
  });
});
