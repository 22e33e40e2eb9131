import { decide, loadStockModel } from '@magekit/acl';
import { bulkRoutePath, createBulkRouteModel } from './bulk-route-model';
import { asyncTopicName } from './topic-name';

describe('the bulk routes (BulkServiceConfig) and topic names (WebapiAsync Model\\Config)', () => {
  const stock = loadStockModel();
  const bulk = createBulkRouteModel(stock);

  it.each([
    ['/V1/products/:sku', '/V1/products/bySku'],
    ['/V1/products/:sku/media/:entryId', '/V1/products/bySku/media/byEntryId'],
    ['/V1/carts/mine/items', '/V1/carts/mine/items'],
    ['/V1/orders/:id/comments', '/V1/orders/byId/comments'],
  ])('%s → %s', (url, expected) => {
    expect(bulkRoutePath(url)).toBe(expected);
  });

  it('keeps every route but GET, pointing back at the webapi.xml route with its resources', () => {
    const methods = new Set(bulk.model.routes.routes.map((route) => route.method));
    expect(methods.has('GET')).toBe(false);
    expect(bulk.model.routes.routes.length).toBe(stock.routes.routes.filter((r) => r.method !== 'GET').length);
    expect(bulk.originals.get('PUT /V1/products/bySku')?.id).toBe('PUT /V1/products/:sku');
    expect(bulk.model.routes.getRoute('DELETE /V1/products/bySku')?.resources).toEqual(['Magento_Catalog::products']);
  });

  it('matches /async/bulk paths literally: bySku is a route, a real sku is no route', () => {
    const caller = { type: 'admin' as const, resources: 'all' as const };
    expect(decide(bulk.model, caller, 'PUT', '/rest/async/bulk/V1/products/bySku').routeId).toBe(
      'PUT /V1/products/bySku',
    );
    expect(decide(bulk.model, caller, 'PUT', '/rest/default/async/bulk/V1/products/MH01').error?.message).toBe(
      'Request does not match any route.',
    );
  });

  it.each([
    [
      'Magento\\Catalog\\Api\\ProductRepositoryInterface',
      'save',
      'POST',
      'async.magento.catalog.api.productrepositoryinterface.save.post',
    ],
    [
      'Magento\\Customer\\Api\\AccountManagementInterface',
      'createAccount',
      'POST',
      'async.magento.customer.api.accountmanagementinterface.createaccount.post',
    ],
    [
      '\\Magento\\Sales\\Api\\OrderRepositoryInterface',
      'save',
      'PUT',
      'async.magento.sales.api.orderrepositoryinterface.save.put',
    ],
  ])('topic of %s::%s (%s)', (serviceClass, method, httpMethod, topic) => {
    expect(asyncTopicName(serviceClass, method, httpMethod)).toBe(topic);
  });
});
