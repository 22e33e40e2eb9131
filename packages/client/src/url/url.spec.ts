import { buildQueryString } from './build-query-string';
import { buildRestRoot, checkStoreCode, joinRestUrl } from './build-rest-url';
import { describeStoreUrl } from './describe-store-url';
import { buildSaasRestPath, findSaasMissingRoute } from './saas-rest-path';
import { checkRestPath, path, restPath } from './rest-path';

describe('path helpers', () => {
  it('encode each value as one segment Magento routes right', () => {
    expect(path('/V1/products/:sku/media/:entryId', { sku: 'ABC/10 +x', entryId: 7 })).toBe(
      '/V1/products/ABC%2F10%20%2Bx/media/7',
    );
    const sku = 'a/b';
    expect(restPath`/V1/products/${sku}/options`).toBe('/V1/products/a%2Fb/options');
  });

  it('refuse missing, empty and unused parameters', () => {
    expect(() => path('/V1/products/:sku', {})).toThrow(/sku/);
    expect(() => path('/V1/products/:sku', { sku: '' })).toThrow(/sku/);
    expect(() => path('/V1/products/:sku', { sku: 'a', id: 1 })).toThrow(/id/);
    expect(() => restPath`/V1/products/${''}`).toThrow(/empty/);
  });

  it.each([
    '/V1/products/a+b',
    '/V1/products/a b',
    'V1/products',
    '/V1/products?x=1',
    '/V1/products/%zz',
    '/V1/products/..',
  ])('checkRestPath refuses %s', (value) => {
    expect(() => checkRestPath(value)).toThrow(/path\(/);
  });

  it('checkRestPath accepts encoded paths', () => {
    expect(checkRestPath('/V1/products/ABC%2F10')).toBe('/V1/products/ABC%2F10');
  });
});

describe('buildQueryString', () => {
  it('encodes brackets in keys and values with rawurlencode semantics', () => {
    const query = buildQueryString({
      searchCriteria: { filterGroups: [{ filters: [{ field: 'sku', value: 'a+b c', conditionType: 'like' }] }] },
      fields: 'items[id,sku]',
      flag: true,
      skip: undefined,
    });
    expect(query).toBe(
      'searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=sku&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=a%2Bb%20c&searchCriteria%5BfilterGroups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5BconditionType%5D=like&fields=items%5Bid%2Csku%5D&flag=1',
    );
  });

  it('refuses numeric top-level keys', () => {
    expect(() => buildQueryString({ 123: 'x' })).toThrow(/numeric/);
  });
});

describe('REST URLs', () => {
  it.each([
    [{}, 'https://shop.example.com/rest/'],
    [{ store: 'default' }, 'https://shop.example.com/rest/default/'],
    [{ store: 'all' }, 'https://shop.example.com/rest/all/'],
    [{ store: 'de_store', mode: 'async' as const }, 'https://shop.example.com/rest/de_store/async/'],
    [{ mode: 'async/bulk' as const }, 'https://shop.example.com/rest/async/bulk/'],
    [{ store: 'default', indexPhp: true }, 'https://shop.example.com/index.php/rest/default/'],
  ])('buildRestRoot(%j)', (scope, expected) => {
    expect(buildRestRoot('https://Shop.Example.com:443', scope)).toBe(expected);
  });

  it('keeps a sub-directory install and drops a trailing index.php/', () => {
    expect(buildRestRoot('http://127.0.0.1:8080/m2/index.php/', { store: 'default', indexPhp: true })).toBe(
      'http://127.0.0.1:8080/m2/index.php/rest/default/',
    );
  });

  it('refuses bad store codes and base URLs', () => {
    expect(() => buildRestRoot('https://shop.example.com/', { store: 'de/x' })).toThrow(/store code/);
    expect(() => buildRestRoot('ftp://shop.example.com/')).toThrow(/http/);
    expect(() => buildRestRoot('https://u:p@shop.example.com/')).toThrow(/credentials/);
  });

  it('joins a URL the fetch parser sends unchanged, and refuses one it would rewrite', () => {
    const root = buildRestRoot('https://shop.example.com/', { store: 'default' });
    expect(joinRestUrl(root, '/V1/products/a%2Fb', 'x%5B0%5D=1')).toBe(
      'https://shop.example.com/rest/default/V1/products/a%2Fb?x%5B0%5D=1',
    );
    expect(() => joinRestUrl(root, '/V1/products/%2e%2e/x', '')).toThrow(/not as signed/);
    expect(() => joinRestUrl(root, '/V1/products', 'q=a b')).toThrow(/not as signed/);
  });
});

describe('describeStoreUrl', () => {
  it.each([
    [
      'https://na1.api.commerce.adobe.com/X2duJmy3FaTKf1Mmr4GiQY',
      {
        edition: 'saas',
        origin: 'https://na1.api.commerce.adobe.com',
        region: 'na1',
        tenantId: 'X2duJmy3FaTKf1Mmr4GiQY',
        restRoot: 'https://na1.api.commerce.adobe.com/X2duJmy3FaTKf1Mmr4GiQY/',
      },
    ],
    [
      'HTTPS://EU1.API.Commerce.Adobe.com:443/tenant-1_a/',
      {
        edition: 'saas',
        origin: 'https://eu1.api.commerce.adobe.com',
        region: 'eu1',
        tenantId: 'tenant-1_a',
        restRoot: 'https://eu1.api.commerce.adobe.com/tenant-1_a/',
      },
    ],
    [
      'https://na1-sandbox.api.commerce.adobe.com/acme',
      {
        edition: 'saas',
        origin: 'https://na1-sandbox.api.commerce.adobe.com',
        region: 'na1',
        environment: 'sandbox',
        tenantId: 'acme',
        restRoot: 'https://na1-sandbox.api.commerce.adobe.com/acme/',
      },
    ],
    [
      'https://shop.example.com/m2/index.php/',
      { edition: 'paas', origin: 'https://shop.example.com', restRoot: 'https://shop.example.com/m2/rest/' },
    ],
    [
      'https://api.commerce.adobe.com.example.net/acme/',
      {
        edition: 'paas',
        origin: 'https://api.commerce.adobe.com.example.net',
        restRoot: 'https://api.commerce.adobe.com.example.net/acme/rest/',
      },
    ],
  ])('%s', (url, expected) => {
    expect(describeStoreUrl(url)).toEqual(expected);
  });

  it('takes the edition when told (a SaaS-compatible sandbox on loopback), without a region', () => {
    expect(describeStoreUrl('http://127.0.0.1:4000/acme', 'saas')).toEqual({
      edition: 'saas',
      origin: 'http://127.0.0.1:4000',
      tenantId: 'acme',
      restRoot: 'http://127.0.0.1:4000/acme/',
    });
    expect(describeStoreUrl('https://na1.api.commerce.adobe.com/acme/', 'paas').edition).toBe('paas');
  });

  it.each([
    'https://na1.api.commerce.adobe.com/',
    'https://na1.api.commerce.adobe.com/acme/V1/',
    'https://na1.api.commerce.adobe.com/V1',
    'https://na1.api.commerce.adobe.com/acme/rest/',
    'https://na1.api.commerce.adobe.com/a%20b/',
  ])('refuses the SaaS URL %s, saying what the base looks like', (url) => {
    expect(() => describeStoreUrl(url)).toThrow(/Not an Adobe Commerce as a Cloud Service base URL/);
  });

  it('refuses what is not a store URL at all', () => {
    expect(() => describeStoreUrl('na1.api.commerce.adobe.com/acme')).toThrow(/absolute URL/);
    expect(() => describeStoreUrl('https://na1.api.commerce.adobe.com/acme/?x=1')).toThrow(/query/);
  });
});

describe('SaaS paths', () => {
  it.each([
    ['/V1/products', undefined, '/V1/products'],
    ['/V1/products/a%2Fb', 'sync' as const, '/V1/products/a%2Fb'],
    ['/V1/products', 'async' as const, '/V1/async/products'],
    ['/V1/products/bySku/media', 'async/bulk' as const, '/V1/async/bulk/products/bySku/media'],
  ])('buildSaasRestPath(%s, %s)', (path, mode, expected) => {
    expect(buildSaasRestPath(path, mode)).toBe(expected);
  });

  it('refuses unencoded paths and asynchronous calls without a version segment', () => {
    expect(() => buildSaasRestPath('/V1/products/a b')).toThrow(/path\(/);
    expect(() => buildSaasRestPath('/products', 'async')).toThrow(/starting with a version/);
  });

  it.each([
    ['/V1/integration/admin/token', /token services/],
    ['/V1/integration/customer/token', /token services/],
    ['/V1/tfa/provider/google/authenticate', /Two-Factor/],
    ['/V1/guest-carts/abc/items', /guest/],
    ['/V1/customers/me', /customer REST API/],
    ['/V1/customers/me/billingAddress', /customer REST API/],
    ['/V1/carts/mine/items', /customer REST API/],
  ])('%s is not in SaaS', (path, reason) => {
    expect(findSaasMissingRoute(path)).toMatch(reason);
  });

  it.each(['/V1/products', '/V1/customers/42', '/V1/customers/search', '/V1/carts/7/items', '/V1/customers/me2'])(
    '%s may be',
    (path) => {
      expect(findSaasMissingRoute(path)).toBeNull();
    },
  );

  it('checkStoreCode accepts store codes only', () => {
    expect(checkStoreCode('de_store')).toBe('de_store');
    expect(() => checkStoreCode('de-store')).toThrow(/store code/);
  });
});
