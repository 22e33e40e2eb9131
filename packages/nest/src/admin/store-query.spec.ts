import { containsPattern, parseStoreQuery, tallyStatusCounts } from './store-query';

describe('store list query', () => {
  it('fills defaults', () => {
    expect(parseStoreQuery({})).toEqual({ status: null, search: null, page: 1, pageSize: 20 });
    expect(parseStoreQuery({ status: 'active', search: '  shop ', page: '3', pageSize: '100' })).toEqual({
      status: 'active',
      search: 'shop',
      page: 3,
      pageSize: 100,
    });
  });

  it('names every bad parameter', () => {
    expect(() => parseStoreQuery({ status: 'gone', page: '0', pageSize: '101', search: 'x'.repeat(201) })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message:
          'Invalid store query: status must be one of activating, active, failed, needs_reauth, revoked; search must be at most 200 characters; page must be an integer from 1 to 9007199254740991; pageSize must be an integer from 1 to 100.',
      }),
    );
    expect(() => parseStoreQuery({ page: '1.5' })).toThrow('page must be an integer');
  });

  it('escapes LIKE wildcards with !', () => {
    expect(containsPattern('50%_off!')).toBe('%50!%!_off!!%');
    expect(containsPattern('Shop')).toBe('%shop%');
  });

  it('tallies counts per status from GROUP BY rows, zero for absent statuses', () => {
    expect(
      tallyStatusCounts([
        { status: 'active', count: '7' },
        { status: 'failed', count: 2 },
        { status: 'legacy', count: '1' },
      ]),
    ).toEqual({
      total: 10,
      byStatus: { activating: 0, active: 7, failed: 2, needs_reauth: 0, revoked: 0 },
    });
    expect(tallyStatusCounts([])).toEqual({
      total: 0,
      byStatus: { activating: 0, active: 0, failed: 0, needs_reauth: 0, revoked: 0 },
    });
  });
});
