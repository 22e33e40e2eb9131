import { createMagentoModel, decide, loadStockModel, parseWebapiXml } from '@magekit/acl';
import { SAAS_ABSENT_ROUTE_IDS } from './saas-absent-routes';
import { isSaasRoute, toSaasModel } from './saas-route-model';

describe('the SaaS route table', () => {
  const stock = loadStockModel();
  const saas = toSaasModel(stock);

  it('names only routes of the stock table, once each', () => {
    const ids = new Set(stock.routes.routes.map((route) => route.id));
    expect(SAAS_ABSENT_ROUTE_IDS.filter((id) => !ids.has(id))).toEqual([]);
    expect(new Set(SAAS_ABSENT_ROUTE_IDS).size).toBe(SAAS_ABSENT_ROUTE_IDS.length);
  });

  it('keeps the other routes and the ACL tree', () => {
    expect(saas.routes.routes.length).toBe(stock.routes.routes.length - SAAS_ABSENT_ROUTE_IDS.length);
    expect(saas.tree).toBe(stock.tree);
    expect(saas.source).toBe('Magento Open Source 2.4.6-p1, Adobe Commerce as a Cloud Service routes');
    for (const id of ['GET /V1/products', 'GET /V1/store/storeConfigs', 'POST /V1/customers', 'GET /V1/modules'])
      expect(saas.routes.getRoute(id)).toBeDefined();
  });

  it.each([
    ['POST', '/V1/integration/admin/token'],
    ['POST', '/V1/guest-carts'],
    ['POST', '/V1/carts/mine'],
    ['GET', '/V1/search'],
    ['GET', '/V1/cmsPage/1'],
    ['GET', '/V1/directory/currency'],
  ])('routes %s %s nowhere (it routes in the stock table)', (method, path) => {
    expect(decide(stock, { type: 'admin', resources: 'all' }, method, `/rest${path}`).route).not.toBeNull();
    const routed = decide(saas, { type: 'admin', resources: 'all' }, method, `/rest${path}`);
    expect([routed.route, routed.error?.message]).toEqual([null, 'Request does not match any route.']);
  });

  it('drops the route families SaaS has none of from any table (a store with its own modules)', () => {
    const webapi = parseWebapiXml(
      `<routes>
        <route url="/V1/vendor/things" method="GET"><service class="V\\T" method="get"/><resources><resource ref="anonymous"/></resources></route>
        <route url="/V1/vendor/things/mine" method="GET"><service class="V\\T" method="mine"/><resources><resource ref="self"/></resources></route>
        <route url="/V1/guest-vendor" method="GET"><service class="V\\T" method="guest"/><resources><resource ref="anonymous"/></resources></route>
      </routes>`,
    );
    const custom = toSaasModel(createMagentoModel({ acl: [], webapi: [webapi], source: 'custom' }));
    expect(custom.routes.routes.map((route) => route.id)).toEqual(['GET /V1/vendor/things']);
    expect(isSaasRoute({ id: 'GET /V1/customers/me', url: '/V1/customers/me' })).toBe(false);
    expect(isSaasRoute({ id: 'GET /V1/customers/:id', url: '/V1/customers/:id' })).toBe(true);
  });
});
