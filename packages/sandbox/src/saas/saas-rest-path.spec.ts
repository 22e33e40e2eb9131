import { MagentoException } from '../common/magento-exception';
import { readStoreHeader, STORE_NOT_FOUND, toMagentoRestUri } from './saas-rest-path';

describe('SaaS paths in Magento REST form', () => {
  it.each([
    ['/t1/V1/products', null, '/rest/V1/products'],
    ['/t1/V1/products?searchCriteria[pageSize]=2', 'default', '/rest/default/V1/products?searchCriteria[pageSize]=2'],
    ['/t1/V1/products/a%2Fb', 'all', '/rest/all/V1/products/a%2Fb'],
    ['/t1/V1/async/products', 'es_mx', '/rest/es_mx/async/V1/products'],
    ['/t1/V1/async/bulk/products/bySku', null, '/rest/async/bulk/V1/products/bySku'],
    ['/t1/V1/async', null, '/rest/async/V1'],
    ['/t1/V1/asyncx/products', null, '/rest/V1/asyncx/products'],
    ['/t1/V2/x?a=1', null, '/rest/V2/x?a=1'],
    ['/t1/V1', null, '/rest/V1'],
  ])('%s (Store %j) → %s', (uri, store, expected) => {
    expect(toMagentoRestUri(uri, 't1', store)).toBe(expected);
  });

  it.each(['/t1/async/V1/products', '/t1/rest/V1/products', '/t1', '/t1/', '/t1/schema', '/t1/v1/products'])(
    '%s does not start with a version: no route',
    (uri) => {
      expect(() => toMagentoRestUri(uri, 't1', null)).toThrow(
        expect.objectContaining({ httpStatus: 404, phrase: 'Request does not match any route.' }),
      );
    },
  );

  it('reads the Store header: a store view code or all; absent or empty is none', () => {
    expect([
      readStoreHeader('es_mx'),
      readStoreHeader(' all '),
      readStoreHeader(undefined),
      readStoreHeader(''),
    ]).toEqual(['es_mx', 'all', null, null]);
    expect(readStoreHeader(['default', 'es_mx'])).toBe('default');
  });

  it.each(['fr', 'DEFAULT', 'admin', 'default,es_mx'])('refuses the store %j as StoreRepository does', (store) => {
    let error: unknown;
    try {
      readStoreHeader(store);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MagentoException);
    expect(error).toMatchObject({ httpStatus: 404, phrase: STORE_NOT_FOUND });
  });
});
