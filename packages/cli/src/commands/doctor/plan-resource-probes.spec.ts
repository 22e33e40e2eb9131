import { loadStockModel } from '@magekit/acl';
import { CliError } from '../../cli-error';
import { fillPlaceholders, planCallProbes, planResourceProbes } from './plan-resource-probes';

const model = loadStockModel();

describe('planCallProbes (stock 2.4.6-p1 table)', () => {
  it('sends GET calls with the resources their route needs, and only lists the others', () => {
    const probes = planCallProbes(model, [
      { method: 'GET', path: '/V1/orders/5' },
      { method: 'put', path: '/V1/products/:sku' },
      { method: 'GET', path: '/rest/es_mx/V1/store/websites' },
      { method: 'GET', path: '/V1/products?searchCriteria[pageSize]=1' },
    ]);
    expect(probes[0]).toEqual({
      label: 'GET /V1/orders/5',
      method: 'GET',
      routeId: 'GET /V1/orders/:id',
      resources: ['Magento_Sales::actions_view'],
      request: { path: '/V1/orders/5' },
    });
    expect(probes[1]).toMatchObject({
      label: 'PUT /V1/products/:sku',
      routeId: 'PUT /V1/products/:sku',
      resources: ['Magento_Catalog::products'],
      request: null,
      reason: 'not sent: it changes data',
    });
    expect(probes[2].request).toEqual({ path: '/V1/store/websites', store: 'es_mx' });
    expect(probes[3].request).toEqual({ path: '/V1/products', query: 'searchCriteria[pageSize]=1' });
  });

  it('fills route placeholders with values no store has', () => {
    expect(fillPlaceholders('/V1/products/:sku/media/:entryId')).toBe(
      '/V1/products/magekit-doctor-sku/media/magekit-doctor-entryId',
    );
    expect(planCallProbes(model, [{ method: 'GET', path: '/V1/products/:sku' }])[0].request).toEqual({
      path: '/V1/products/magekit-doctor-sku',
    });
  });

  it('keeps calls no stock route matches (a third-party module), without resources', () => {
    expect(planCallProbes(model, [{ method: 'GET', path: '/V1/acme/widgets' }])[0]).toMatchObject({
      routeId: null,
      resources: [],
      request: { path: '/V1/acme/widgets' },
    });
  });

  it('refuses paths that are not REST paths or not encoded', () => {
    expect(() => planCallProbes(model, [{ method: 'GET', path: '/admin/dashboard' }])).toThrow(CliError);
    expect(() => planCallProbes(model, [{ method: 'GET', path: '/V1/products/a b' }])).toThrow(
      /Not an encoded REST path/,
    );
  });
});

describe('planResourceProbes', () => {
  it('picks the GET route needing the resource with the fewest parameters', () => {
    const [store, customers] = planResourceProbes(model, ['Magento_Backend::store', 'Magento_Customer::manage']);
    expect(store.routeId).toMatch(/^GET \/V1\/store\/(storeViews|storeGroups|websites|storeConfigs)$/);
    expect(store.request?.path).toBe(store.routeId?.slice(4));
    expect(customers.resources).toEqual(['Magento_Customer::manage']);
    expect(customers.request?.path).toMatch(/^\/V1\/customers\//);
  });

  it('lists ids it cannot check, and refuses strings that are not ids', () => {
    expect(planResourceProbes(model, ['Acme_Widgets::manage'])[0]).toMatchObject({
      request: null,
      reason: 'not checked: not an ACL resource of stock Magento 2.4.6-p1',
    });
    expect(() => planResourceProbes(model, ['products'])).toThrow(/not an ACL resource id/);
  });
});
