import { buildQueryString } from './build-query-string';
import { buildRestRoot, joinRestUrl } from './build-rest-url';
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
