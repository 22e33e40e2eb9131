import { formatDateTime, formatRelative, hostOf } from './format';

describe('format', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it.each([
    [null, 'never'],
    ['2026-11-22T11:59:50Z', 'just now'],
    ['2026-11-22T11:55:00Z', '5 min ago'],
    ['2026-11-22T09:00:00Z', '3 h ago'],
    ['2026-11-19T12:00:00Z', '3 days ago'],
    ['2026-01-01T00:00:00Z', '2026-01-01'],
    ['not a date', '—'],
  ])('formatRelative(%p) = %p', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });
  it('formats date-times in UTC and hosts of URLs', () => {
    expect(formatDateTime('2026-11-22T12:00:00Z')).toBe('2026-11-22 12:00:00 UTC');
    expect(hostOf('https://shop.example.com:8443/x')).toBe('shop.example.com:8443');
    expect(hostOf('not a url')).toBe('not a url');
  });
});
