import { buildPageSizeQuery, classifyPageSize, readPageSizeLimit } from './check-page-size';
import { fakeRefusal, fakeReply } from './fake-replies';

const MAX = 'Maximum SearchCriteria pageSize is %max';

describe('buildPageSizeQuery', () => {
  it('asks for 1000 items of a SKU no store has', () => {
    const query = buildPageSizeQuery();
    expect(query).toContain('searchCriteria%5BpageSize%5D=1000');
    expect(query).toContain('magekit-doctor-no-such-sku');
  });
});

describe('classifyPageSize', () => {
  it("reports the store's limit from Magento's refusal", () => {
    const result = classifyPageSize(fakeReply(400, { message: MAX, parameters: { max: 300 } }));
    expect(result.status).toBe('pass');
    expect(result.finding).toBe(
      'the store limits searchCriteria[pageSize] to 300 (refused 1000: "Maximum SearchCriteria pageSize is 300")',
    );
    expect(result.details['maxPageSize']).toBe(300);
  });

  it("warns for a limit below the client's default and says what to set", () => {
    const result = classifyPageSize(fakeReply(400, { message: MAX, parameters: { max: 100 } }));
    expect(result.status).toBe('warn');
    expect(result.hint).toContain('maxPageSize: 100');
  });

  it('reads the limit from a rendered message too', () => {
    expect(readPageSizeLimit(fakeReply(400, { message: 'Maximum SearchCriteria pageSize is 500' }))).toBe(500);
    expect(
      readPageSizeLimit(fakeReply(400, { message: '"searchCriteria" is required. Enter and try again.' })),
    ).toBeNull();
  });

  it('passes when the store accepts the page', () => {
    const result = classifyPageSize(fakeReply(200, { items: [], total_count: 0 }));
    expect(result.status).toBe('pass');
    expect(result.details['maxPageSize']).toBeNull();
    expect(result.finding).toContain('accepts searchCriteria[pageSize]=1000');
  });

  it('is "not checked" when the store does not implement the route or the ACL refuses it', () => {
    const missing = classifyPageSize(
      fakeReply(501, {
        message: 'The sandbox store does not implement %1 (%2::%3); the route and its ACL (%4) were checked.',
        parameters: ['GET /V1/products', 'X', 'getList', 'Magento_Catalog::products'],
      }),
    );
    expect(missing.status).toBe('skipped');
    expect(missing.finding).toBe('not checked: the store does not implement GET /V1/products (HTTP 501)');
    const refused = classifyPageSize(fakeRefusal('Magento_Catalog::products'));
    expect(refused.status).toBe('skipped');
    expect(refused.finding).toContain('needs Magento_Catalog::products');
  });

  it('warns on another answer', () => {
    expect(
      classifyPageSize(
        fakeReply(500, { message: 'Internal Error. Details are available in Magento log file. Report ID: webapi-1' }),
      ).status,
    ).toBe('warn');
  });
});
