import { signRequest, verifyRequest } from '@magekit/oauth1';
import { createMemoryVerifyStore } from '@magekit/oauth1/testing';
import { searchCriteria } from './search-criteria';

const decodePairs = (query: string) => query.split('&').map((pair) => pair.split('=').map(decodeURIComponent));

describe('searchCriteria', () => {
  it('serialises filter groups (AND of ORs), sort orders, paging and fields', () => {
    const query = searchCriteria()
      .where('status', 'eq', 1)
      .whereAny(['sku', 'like', 'A+B %'], ['name', 'like', '%[x]%'])
      .where('type_id', 'in', ['simple', 'virtual'])
      .where('special_price', 'notnull')
      .orderBy('created_at', 'DESC')
      .pageSize(500)
      .page(3)
      .fields('items[id,sku],total_count')
      .toQueryString({ maxPageSize: 300 });
    expect(query).not.toMatch(/[[\]+ ]/);
    expect(decodePairs(query)).toEqual([
      ['searchCriteria[filterGroups][0][filters][0][field]', 'status'],
      ['searchCriteria[filterGroups][0][filters][0][value]', '1'],
      ['searchCriteria[filterGroups][0][filters][0][conditionType]', 'eq'],
      ['searchCriteria[filterGroups][1][filters][0][field]', 'sku'],
      ['searchCriteria[filterGroups][1][filters][0][value]', 'A+B %'],
      ['searchCriteria[filterGroups][1][filters][0][conditionType]', 'like'],
      ['searchCriteria[filterGroups][1][filters][1][field]', 'name'],
      ['searchCriteria[filterGroups][1][filters][1][value]', '%[x]%'],
      ['searchCriteria[filterGroups][1][filters][1][conditionType]', 'like'],
      ['searchCriteria[filterGroups][2][filters][0][field]', 'type_id'],
      ['searchCriteria[filterGroups][2][filters][0][value]', 'simple,virtual'],
      ['searchCriteria[filterGroups][2][filters][0][conditionType]', 'in'],
      ['searchCriteria[filterGroups][3][filters][0][field]', 'special_price'],
      ['searchCriteria[filterGroups][3][filters][0][value]', '1'],
      ['searchCriteria[filterGroups][3][filters][0][conditionType]', 'notnull'],
      ['searchCriteria[sortOrders][0][field]', 'created_at'],
      ['searchCriteria[sortOrders][0][direction]', 'DESC'],
      ['searchCriteria[pageSize]', '300'],
      ['searchCriteria[currentPage]', '3'],
      ['fields', 'items[id,sku],total_count'],
    ]);
  });

  it('sends an empty searchCriteria when there is nothing to filter', () => {
    expect(searchCriteria().toQueryString()).toBe('searchCriteria=');
  });

  it('is immutable', () => {
    const base = searchCriteria().pageSize(10);
    base.page(2);
    expect(base.data.currentPage).toBeUndefined();
  });

  it.each([
    [() => searchCriteria().where('sku', 'eqq' as never, 'a'), /Unknown condition/],
    [() => searchCriteria().where('sku', 'eq'), /needs a value/],
    [() => searchCriteria().where('sku', 'eq', ['a', 'b']), /Only in\/nin/],
    [() => searchCriteria().where('sku; DROP', 'eq', 'a'), /field name/],
    [() => searchCriteria().pageSize(0), /positive/],
    [() => searchCriteria().orderBy('sku', 'desc' as never), /ASC or DESC/],
  ])('refuses bad input %#', (build, message) => {
    expect(build).toThrow(message);
  });

  describe.each(['latest', 'laminas'] as const)('with twelve filter groups, signed for the %s profile', (profile) => {
    let criteria = searchCriteria().orderBy('entity_id').pageSize(50);
    for (let i = 0; i < 12; i++)
      criteria = criteria.where(`attr_${i}`, i % 2 ? 'like' : 'gteq', i % 2 ? `%a+b ${i}%` : i * 1.5);
    const url = `https://shop.example.com/rest/default/V1/products?${criteria.toQueryString()}`;
    const credentials = {
      consumerKey: 'c'.repeat(32),
      consumerSecret: 's'.repeat(32),
      token: 't'.repeat(32),
      tokenSecret: 'u'.repeat(32),
    };
    const store = () =>
      createMemoryVerifyStore({
        consumers: [{ id: 1, key: credentials.consumerKey, secret: credentials.consumerSecret, updatedAt: 0 }],
        tokens: [
          { token: credentials.token, secret: credentials.tokenSecret, type: 'access', revoked: false, consumerId: 1 },
        ],
      });

    it('verifies as Magento does, and only under that profile', async () => {
      const signed = signRequest({ method: 'GET', url, profile, ...credentials }, { clock: () => 1_700_000_000_000 });
      const verify = (as: typeof profile) =>
        verifyRequest(
          { kind: 'api', method: 'GET', url, headers: { authorization: signed.authorization }, profile: as },
          store(),
          { clock: () => 1_700_000_000_000 },
        );
      expect((await verify(profile)).valid).toBe(true);
      const other = await verify(profile === 'latest' ? 'laminas' : 'latest');
      expect(other.error).toBe('The signature is invalid. Verify and try again.');
    });
  });
});
