import { parseSecurityEventQuery } from './security-events-query';

describe('security events query', () => {
  it('fills defaults and reads every parameter', () => {
    expect(parseSecurityEventQuery({})).toEqual({ type: null, storeId: null, limit: 50, before: null });
    expect(
      parseSecurityEventQuery({
        type: 'callback_rejected',
        storeId: '0A1B2C3D-0000-4000-8000-000000000001',
        limit: '200',
        before: '2026-01-31T12:00:00.000Z',
      }),
    ).toEqual({
      type: 'callback_rejected',
      storeId: '0a1b2c3d-0000-4000-8000-000000000001',
      limit: 200,
      before: new Date(Date.UTC(2026, 0, 31, 12)),
    });
    expect(parseSecurityEventQuery({ before: '2026-01-31T14:00+02:00', limit: '1' })).toMatchObject({
      before: new Date(Date.UTC(2026, 0, 31, 12)),
      limit: 1,
    });
  });

  it('names every bad parameter', () => {
    expect(() =>
      parseSecurityEventQuery({ type: 'takeover', storeId: 'store-1', limit: '201', before: 'yesterday' }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message:
          'Invalid security-events query: type must be one of callback_rejected, store_moved, pending_expired, sign_in_throttled; storeId must be a uuid; limit must be an integer from 1 to 200; before must be an ISO 8601 timestamp with a time zone, e.g. 2026-01-31T12:00:00.000Z.',
      }),
    );
  });

  it.each([
    ['limit 0', { limit: '0' }, 'limit must be an integer'],
    ['a fractional limit', { limit: '1.5' }, 'limit must be an integer'],
    ['a date without time', { before: '2026-01-31' }, 'before must be an ISO 8601 timestamp'],
    ['a timestamp without time zone', { before: '2026-01-31T12:00:00' }, 'before must be an ISO 8601 timestamp'],
    ['an impossible date', { before: '2026-02-31T99:00:00Z' }, 'before must be an ISO 8601 timestamp'],
    ['a repeated type', { type: ['store_moved', 'pending_expired'] }, 'type must be given once'],
  ])('refuses %s', (_name, query, message) => {
    expect(() => parseSecurityEventQuery(query)).toThrow(message);
  });
});
