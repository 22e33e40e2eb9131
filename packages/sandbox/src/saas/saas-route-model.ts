import { createRouteTable, type MagentoModel, type Route } from '@magekit/acl';
import { SAAS_ABSENT_ROUTE_IDS } from './saas-absent-routes';

/** Route families SaaS has none of, whatever the route table (docs/magento-behaviour.md §11.1). */
const ABSENT_FAMILIES: readonly RegExp[] = [
  /^\/V\d+\/integration\//,
  /^\/V\d+\/tfa\//,
  /^\/V\d+\/guest-/,
  /^\/V\d+\/customers\/me(\/|$)/,
  /\/mine(\/|$)/,
];

const ABSENT_IDS = new Set(SAAS_ABSENT_ROUTE_IDS);

/** Whether Adobe Commerce as a Cloud Service has a route of Magento's web API. Pure. */
export function isSaasRoute(route: Pick<Route, 'id' | 'url'>): boolean {
  return !ABSENT_IDS.has(route.id) && !ABSENT_FAMILIES.some((family) => family.test(route.url));
}

/**
 * The SaaS edition's routes: the model's ACL tree and every route SaaS has (docs/magento-behaviour.md
 * §11.1, §11.6). Routing then answers the others as a store without them does: `Request does not
 * match any route.`, or the route a shorter path still matches (`/V1/customers/me` is
 * `/V1/customers/:customerId`). Pure.
 */
export function toSaasModel(model: MagentoModel): MagentoModel {
  return {
    tree: model.tree,
    routes: createRouteTable(model.routes.routes.filter(isSaasRoute)),
    source: `${model.source}, Adobe Commerce as a Cloud Service routes`,
  };
}
