import type { Caller } from './caller';
import { decide, type Decision } from './decide';
import type { MagentoModel } from './magento-model';
import { listMatchingRoutes } from './match-route';
import type { RestPathOptions } from './rest-path';
import { describeBreadcrumb, listAncestors } from './tree-queries';

/** One route resource, with its place in the admin tree. */
export interface ExplainedResource {
  id: string;
  kind: 'anonymous' | 'self' | 'acl' | 'undefined' | 'disabled';
  title: string | null;
  /** Titles from the admin root, e.g. `Magento Admin > Catalog > Inventory > Products`. */
  breadcrumb: string | null;
  ancestors: string[];
  declaredIn: string[];
}

/** A human-oriented account of how Magento routes and authorizes a request. */
export interface RequestExplanation {
  decision: Decision;
  resources: ExplainedResource[];
  /** Other routes that also matched (Magento's order, the winner last is not repeated here). */
  shadowedRoutes: string[];
  /** The request parameters Magento holds after routing (captures of every matching route). */
  requestParams: Record<string, string>;
}

/**
 * Explains a request: the route and service, the captured and forced parameters, each resource's
 * title and breadcrumb, and routes the winner shadows (docs/magento-behaviour.md §4.2, §7 "the literal route wins").
 * The caller defaults to a guest.
 */
export function explainRequest(
  model: MagentoModel,
  method: string,
  path: string,
  caller: Caller = { type: 'guest' },
  options: RestPathOptions = {},
): RequestExplanation {
  const decision = decide(model, caller, method, path, options);
  const resources = decision.resources.map((id) => explainResource(model, id));
  if (decision.routeId === null) return { decision, resources, shadowedRoutes: [], requestParams: {} };
  const matching = listMatchingRoutes(model.routes, decision.method, decision.request.pathInfo);
  return {
    decision,
    resources,
    shadowedRoutes: matching.routes.filter((route) => route.id !== decision.routeId).map((route) => route.id),
    requestParams: matching.requestParams,
  };
}

function explainResource(model: MagentoModel, id: string): ExplainedResource {
  const node = model.tree.nodes.get(id);
  const base = {
    id,
    title: node?.title ?? null,
    breadcrumb: describeBreadcrumb(model.tree, id),
    ancestors: listAncestors(model.tree, id),
    declaredIn: node?.declaredIn ?? [],
  };
  if (id === 'anonymous' || id === 'self') return { ...base, kind: id };
  if (node !== undefined) return { ...base, kind: 'acl' };
  return { ...base, kind: model.tree.disabledIds.has(id) ? 'disabled' : 'undefined' };
}
