import { AclError } from './acl-error';
import { listMatchingRoutes, matchRoute } from './match-route';
import { loadMiniModel } from './test-helpers/fixtures';

const { routes } = loadMiniModel();

describe('route matching (Magento\\Webapi Router and Rest\\Config, mini fixtures)', () => {
  it.each([
    // [rule, method, path, route url, params, store code, mode]
    [
      '/rest/V1 front name',
      'GET',
      '/rest/V1/shop/products/abc',
      '/V1/shop/products/:sku',
      { sku: 'abc' },
      null,
      'sync',
    ],
    [
      '/rest/<store>/V1 strips a store code',
      'GET',
      '/rest/default/V1/shop/products/abc',
      '/V1/shop/products/:sku',
      { sku: 'abc' },
      'default',
      'sync',
    ],
    [
      '/rest/all/V1 is the admin store',
      'GET',
      '/rest/all/V1/shop/orders/7',
      '/V1/shop/orders/:orderId',
      { orderId: '7' },
      'all',
      'sync',
    ],
    [
      '/index.php/rest/V1 without URL rewrites',
      'GET',
      '/index.php/rest/V1/shop/orders/7',
      '/V1/shop/orders/:orderId',
      { orderId: '7' },
      null,
      'sync',
    ],
    [
      'a full URL with host and query string (query ignored)',
      'GET',
      'https://shop.test/rest/default/V1/shop/orders/7?fields=id',
      '/V1/shop/orders/:orderId',
      { orderId: '7' },
      'default',
      'sync',
    ],
    [
      'a route path given directly',
      'GET',
      '/V1/shop/orders/7',
      '/V1/shop/orders/:orderId',
      { orderId: '7' },
      null,
      'sync',
    ],
    [
      '/rest/async/V1',
      'PUT',
      '/rest/async/V1/shop/products/abc',
      '/V1/shop/products/:sku',
      { sku: 'abc' },
      null,
      'async',
    ],
    [
      '/rest/async/bulk/V1 (bySku placeholder is just a value)',
      'PUT',
      '/rest/async/bulk/V1/shop/products/bySku',
      '/V1/shop/products/:sku',
      { sku: 'bySku' },
      null,
      'async-bulk',
    ],
    [
      'store code plus async bulk',
      'POST',
      '/rest/es_mx/async/bulk/V1/shop/token',
      '/V1/shop/token',
      {},
      'es_mx',
      'async-bulk',
    ],
    [
      'exact match beats a :param route (literal shadows the SKU "types")',
      'GET',
      '/rest/V1/shop/products/types',
      '/V1/shop/products/types',
      {},
      null,
      'sync',
    ],
    [
      '%2F stays inside one segment and is urldecoded',
      'GET',
      '/rest/V1/shop/products/ABC%2F10',
      '/V1/shop/products/:sku',
      { sku: 'ABC/10' },
      null,
      'sync',
    ],
    [
      '+ becomes a space (PHP urldecode), %2B a plus',
      'GET',
      '/rest/V1/shop/products/a+b%2Bc',
      '/V1/shop/products/:sku',
      { sku: 'a b+c' },
      null,
      'sync',
    ],
    [
      'literal segments compare raw: an encoded letter misses the literal',
      'GET',
      '/rest/V1/shop/products/type%73',
      '/V1/shop/products/:sku',
      { sku: 'types' },
      null,
      'sync',
    ],
    ['a trailing-slash url matches without the slash', 'GET', '/rest/V1/shop/low', '/V1/shop/low/', {}, null, 'sync'],
    [
      'a trailing-slash url matches with the slash (PathProcessor trims it)',
      'GET',
      '/rest/default/V1/shop/low/',
      '/V1/shop/low/',
      {},
      'default',
      'sync',
    ],
    [
      'the last route in ksort order wins, even a :param one over a literal',
      'GET',
      '/rest/V1/crm/2024/5',
      '/V1/crm/:year/:id',
      { year: '2024', id: '5' },
      null,
      'sync',
    ],
    [
      'literal segments compare with PHP loose ==: "010" equals "10"',
      'GET',
      '/rest/V1/crm/version/010',
      '/V1/crm/version/10',
      {},
      null,
      'sync',
    ],
    [
      'the method is upper-cased like Laminas setMethod()',
      'get',
      '/rest/V1/shop/orders/7',
      '/V1/shop/orders/:orderId',
      { orderId: '7' },
      null,
      'sync',
    ],
  ])('%s: %s %s → %s', (_rule, method, path, url, params, storeCode, mode) => {
    const match = matchRoute(routes, method, path);
    expect(match.error).toBeNull();
    expect(match.route?.url).toBe(url);
    expect(match.params).toEqual(params);
    expect(match.request.storeCode).toBe(storeCode);
    expect(match.request.mode).toBe(mode);
  });

  it.each([
    ['no route → 404', 'GET', '/rest/V1/shop/nothing/here', 404, 'Request does not match any route.'],
    ['wrong method for a url → 404', 'DELETE', '/rest/V1/shop/products', 404, 'Request does not match any route.'],
    [
      'an unknown store code stays in the path → 400 (known codes given)',
      'GET',
      '/rest/xx/V1/shop/products',
      400,
      'Specified request cannot be processed.',
    ],
    [
      'GET is never asynchronous → 400',
      'GET',
      '/rest/async/V1/shop/products',
      400,
      'Specified request cannot be processed.',
    ],
    ['PATCH is not a REST method → 400', 'PATCH', '/rest/V1/shop/products', 400, 'Request method is invalid.'],
    [
      'a second segment with no word character has no service base url → 404',
      'GET',
      '/rest/V1/-x',
      404,
      'Request does not match any route.',
    ],
    ['a one-segment path has no service base url → 404', 'GET', '/rest/V1', 404, 'Request does not match any route.'],
  ])('%s', (_rule, method, path, status, message) => {
    const match = matchRoute(routes, method, path, { storeCodes: ['default'] });
    expect(match.route).toBeNull();
    expect(match.error).toMatchObject({ httpStatus: status, message });
  });

  it('schema requests are not routes', () => {
    expect(matchRoute(routes, 'GET', '/rest/default/schema?services=all').outcome).toBe('schema');
    expect(matchRoute(routes, 'GET', '/rest/async/bulk/schema').outcome).toBe('schema');
  });

  it('refuses paths outside /rest and non-token methods with AclError', () => {
    expect(() => matchRoute(routes, 'GET', '/catalog/product/view/id/1')).toThrow(
      expect.objectContaining({ code: 'INVALID_PATH' }),
    );
    expect(() => matchRoute(routes, 'G ET', '/V1/shop/products')).toThrow(AclError);
  });

  it('lists every matching route in Magento order and the request params they leave behind', () => {
    const matching = listMatchingRoutes(routes, 'GET', '/V1/crm/2024/5');
    expect(matching.routes.map((route) => route.url)).toEqual(['/V1/crm/2024/:id', '/V1/crm/:year/:id']);
    expect(matching.requestParams).toEqual({ id: '5', year: '2024' });
  });
});
