import { AclError } from './acl-error';
import type { AclRoleCaller } from './caller';
import type { MagentoModel } from './magento-model';
import { matchRoute } from './match-route';
import { checkResource } from './permission';
import type { RestPathOptions } from './rest-path';
import { ADMIN_ROOT_ID } from './resource-tree';
import type { Route } from './route-table';
import { listAncestors, sortInTreeOrder } from './tree-queries';

/** One call an integration makes: a request, or a route id such as `GET /V1/products/:sku`. */
export type PlannedCall = { method: string; path: string } | { routeId: string };

/** The minimal resource set for a list of calls. */
export interface LeastPrivilege {
  calls: Array<{ call: string; route: string | null; routeId: string | null; resources: string[]; problem?: string }>;
  /** Minimal ACL ids to tick (tree order). */
  resources: string[];
  /** `resources` plus their ancestors below `Magento_Backend::admin`: what the admin tree shows ticked. */
  ticked: string[];
  /** Route resources no acl.xml defines: only "All resources" grants them. */
  undefinedResources: string[];
  /** Calls to `self` routes: for an admin or integration only "All resources" passes them. */
  selfRoutes: string[];
  /** True when no resource list can cover the calls (undefined ids or `self` routes). */
  requiresAllResources: boolean;
  /** Calls that matched no route. */
  unmatched: string[];
}

/**
 * Computes the least privilege for an admin role or integration making `calls`: every ACL id of
 * every matched route (routes AND their resources, docs/magento-behaviour.md §4.3). `anonymous` needs nothing.
 * Since saved roles have no inheritance, each id must be ticked itself; ancestors are listed
 * separately as the admin tree (and integration.xml's converter) add them.
 *
 * @throws AclError `INVALID_CALL` for an unknown route id, `INVALID_METHOD`, `INVALID_PATH`
 */
export function computeLeastPrivilege(
  model: MagentoModel,
  calls: readonly PlannedCall[],
  options: RestPathOptions = {},
): LeastPrivilege {
  const needed = new Set<string>();
  const undefinedIds = new Set<string>();
  const result: LeastPrivilege = {
    calls: [],
    resources: [],
    ticked: [],
    undefinedResources: [],
    selfRoutes: [],
    requiresAllResources: false,
    unmatched: [],
  };
  for (const call of calls) {
    const { label, route, problem } = resolveCall(model, call, options);
    result.calls.push({
      call: label,
      route: route?.url ?? null,
      routeId: route?.id ?? null,
      resources: route ? [...route.resources] : [],
      ...(problem ? { problem } : {}),
    });
    if (route === null) {
      result.unmatched.push(label);
      continue;
    }
    for (const resource of route.resources) {
      if (resource === 'anonymous') continue;
      if (resource === 'self') {
        if (!result.selfRoutes.includes(route.id)) result.selfRoutes.push(route.id);
      } else if (model.tree.nodes.has(resource)) needed.add(resource);
      else undefinedIds.add(resource);
    }
  }
  result.resources = sortInTreeOrder(model.tree, needed);
  result.ticked = sortInTreeOrder(
    model.tree,
    result.resources.flatMap((id) => [
      ...listAncestors(model.tree, id).filter((a) => a !== ADMIN_ROOT_ID && model.tree.nodes.get(a)?.parentId !== null),
      id,
    ]),
  );
  result.undefinedResources = [...undefinedIds].sort();
  result.requiresAllResources = undefinedIds.size > 0 || result.selfRoutes.length > 0;
  return result;
}

function resolveCall(
  model: MagentoModel,
  call: PlannedCall,
  options: RestPathOptions,
): { label: string; route: Route | null; problem?: string } {
  if ('routeId' in call) {
    const route = model.routes.getRoute(call.routeId.replace(/^(\w+)\s+/, (_, m: string) => `${m.toUpperCase()} `));
    if (route === undefined)
      throw new AclError(`no route has the id "${call.routeId}"`, 'INVALID_CALL', {
        hint: 'Route ids look like "GET /V1/products/:sku".',
      });
    return { label: call.routeId, route };
  }
  const match = matchRoute(model.routes, call.method, call.path, options);
  const label = `${match.method} ${call.path}`;
  return match.route === null
    ? { label, route: null, problem: match.error?.rendered ?? 'schema request' }
    : { label, route: match.route };
}

/**
 * The reverse: every route a caller with these saved resources can call (all resources allowed,
 * per `checkResource`), in the table's order.
 */
export function listReachableRoutes(model: MagentoModel, caller: AclRoleCaller): Route[] {
  return model.routes.routes.filter((route) =>
    route.resources.every((resource) => checkResource(model.tree, caller, resource).allowed),
  );
}
