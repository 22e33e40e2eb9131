import type { Caller } from './caller';
import { resolveForcedParameters, type ForcedParameter } from './forced-params';
import type { MagentoModel } from './magento-model';
import { matchRoute, restError, type RestError, type RouteMatch } from './match-route';
import { checkResource, type ResourceVerdict } from './permission';
import type { RestPathOptions, RestRequestPath } from './rest-path';

/** Magento's refusal phrase (`Webapi\Controller\Rest\RequestValidator::checkPermissions()`). */
export const NOT_AUTHORIZED_MESSAGE = "The consumer isn't authorized to access %resources.";

/** Routing plus authorization for one request and caller. */
export interface Decision {
  method: string;
  path: string;
  request: RestRequestPath;
  outcome: RouteMatch['outcome'];
  /** The matched route's url as written in webapi.xml, or null. */
  route: string | null;
  routeId: string | null;
  service: { class: string; method: string } | null;
  resources: string[];
  allowed: boolean;
  /** Route resources the caller lacks, in route order. */
  missing: string[];
  verdicts: ResourceVerdict[];
  /** `:param` captures, urldecoded. */
  params: Record<string, string>;
  forcedParams: ForcedParameter[];
  /** Magento's error for this request (404, 400 or 401), or null when it reaches the service. */
  error: RestError | null;
  /** The rendered error text, or null. */
  message: string | null;
}

/**
 * Decides a request as Magento would: route it (docs/magento-behaviour.md §4.2), then require every
 * resource of the route (`Framework\Webapi\Authorization::isAllowed()`, AND), and resolve the forced
 * parameters. A refusal carries `The consumer isn't authorized to access %resources.` with all the
 * route's resources, comma-joined.
 *
 * @throws AclError `INVALID_METHOD`, `INVALID_PATH`
 */
export function decide(
  model: MagentoModel,
  caller: Caller,
  method: string,
  path: string,
  options: RestPathOptions = {},
): Decision {
  const match = matchRoute(model.routes, method, path, options);
  const base = { method: match.method, path, request: match.request, outcome: match.outcome, params: match.params };
  const route = match.route;
  if (route === null) {
    const allowed = match.outcome === 'schema';
    return {
      ...base,
      route: null,
      routeId: null,
      service: null,
      resources: [],
      allowed,
      missing: [],
      verdicts: [],
      forcedParams: [],
      error: match.error,
      message: match.error?.rendered ?? null,
    };
  }
  const verdicts = route.resources.map((resource) => checkResource(model.tree, caller, resource));
  const missing = verdicts.filter((verdict) => !verdict.allowed).map((verdict) => verdict.resource);
  const error =
    missing.length === 0 ? null : restError(401, NOT_AUTHORIZED_MESSAGE, { resources: route.resources.join(', ') });
  return {
    ...base,
    route: route.url,
    routeId: route.id,
    service: { class: route.serviceClass, method: route.serviceMethod },
    resources: [...route.resources],
    allowed: missing.length === 0,
    missing,
    verdicts,
    forcedParams: resolveForcedParameters(route, caller),
    error,
    message: error?.rendered ?? null,
  };
}
