import { createRouteTable, type MagentoModel, type Route } from '@magekit/acl';

/** The routes `/async/bulk/V1/…` is matched against, and the webapi.xml route each one stands for. */
export interface BulkRouteModel {
  model: MagentoModel;
  /** Bulk route id (`PUT /V1/products/bySku`) → the route as written in webapi.xml (`PUT /V1/products/:sku`). */
  originals: ReadonlyMap<string, Route>;
}

/**
 * `Magento\WebapiAsync\Model\BulkServiceConfig::getBulkServicesConfig()`: every route except GET,
 * with each `/:name` segment replaced by `/by` + `ucfirst(name)` (`/V1/products/:sku` →
 * `/V1/products/bySku`), since a bulk request carries one entity per array element, not in the path.
 * Same resources and parameters as the route itself; when two routes end up on one url and method,
 * the later one wins, as in the PHP array.
 */
export function createBulkRouteModel(model: MagentoModel): BulkRouteModel {
  const byId = new Map<string, { route: Route; original: Route }>();
  for (const original of model.routes.routes) {
    if (original.method === 'GET') continue;
    const url = bulkRoutePath(original.url);
    const id = `${original.method} ${url}`;
    byId.set(id, { route: { ...original, id, url }, original });
  }
  const entries = [...byId.values()];
  return {
    model: { tree: model.tree, routes: createRouteTable(entries.map((entry) => entry.route)), source: model.source },
    originals: new Map(entries.map((entry) => [entry.route.id, entry.original])),
  };
}

/** `preg_replace_callback('/\/:(\w+)/', fn => '/by' . ucfirst($1))` on a route url. */
export function bulkRoutePath(url: string): string {
  return url.replace(/\/:(\w+)/g, (_whole, name: string) => `/by${name.charAt(0).toUpperCase()}${name.slice(1)}`);
}
