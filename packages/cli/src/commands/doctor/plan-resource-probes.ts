import { AclError, computeLeastPrivilege, parseRestPath, type MagentoModel } from '@magekit/acl';
import { checkRestPath, isMagentoClientError } from '@magekit/client';
import { CliError } from '../../cli-error';

/** One call or resource the `resources` check looks at. */
export interface ResourceProbe {
  /** What was asked: `GET /V1/orders` (from --calls) or `Magento_Sales::actions_view` (from --resources). */
  label: string;
  method: string;
  /** The route in the stock 2.4.6-p1 table, e.g. `GET /V1/orders/:id`, or null when none matches. */
  routeId: string | null;
  /** ACL resources the route needs (all of them: docs/magento-behaviour.md §4.3). */
  resources: string[];
  /** What to send (GETs only), or null: other methods change data and are only listed. */
  request: { path: string; query?: string; store?: string } | null;
  /** Why the probe is not sent, when it is not. */
  reason?: string;
}

const RESOURCE_ID = /^[A-Za-z0-9_]+::[A-Za-z0-9_]+$/;

/** `:name` segments of a route url filled with a value no store has (the ACL runs before the service). */
export function fillPlaceholders(path: string): string {
  return path.replace(/\/:([A-Za-z_]\w*)/g, (_all, name: string) => `/magekit-doctor-${name}`);
}

/** The request for a GET call: `/V1/…` in the command's scope, or `/rest/<store>/V1/…` in that store. */
function buildGetRequest(label: string, rawPath: string): NonNullable<ResourceProbe['request']> {
  const at = rawPath.indexOf('?');
  const pathPart = at < 0 ? rawPath : rawPath.slice(0, at);
  const query = at < 0 ? undefined : rawPath.slice(at + 1);
  const parsed = parseRestPath(pathPart, 'GET');
  if (parsed.mode !== 'sync')
    throw new CliError(`${label}: not a synchronous REST path.`, 'INVALID_INPUT', {
      hint: 'GET calls look like "GET /V1/orders" or "GET /rest/default/V1/orders".',
    });
  try {
    const path = checkRestPath(fillPlaceholders(parsed.pathInfo));
    return { path, ...(query ? { query } : {}), ...(parsed.storeCode ? { store: parsed.storeCode } : {}) };
  } catch (error) {
    if (isMagentoClientError(error))
      throw new CliError(`${label}: ${error.message}`, 'INVALID_INPUT', {
        hint: 'Percent-encode path segments (a "/" inside a SKU is %2F, a "+" is %2B).',
        cause: error,
      });
    throw error;
  }
}

/**
 * Plans the calls of a calls file: each matched against the stock route table for the resources it
 * needs (least privilege, @magekit/acl); GET calls are sent, the others only listed.
 *
 * @throws CliError `INVALID_INPUT` for a path that is not a REST path.
 */
export function planCallProbes(
  model: MagentoModel,
  calls: ReadonlyArray<{ method: string; path: string }>,
): ResourceProbe[] {
  let planned: ReturnType<typeof computeLeastPrivilege>;
  try {
    planned = computeLeastPrivilege(model, calls);
  } catch (error) {
    if (error instanceof AclError)
      throw new CliError(`--calls: ${error.message}.`, 'INVALID_INPUT', { hint: error.hint, cause: error });
    throw error;
  }
  return calls.map((call, index) => {
    const entry = planned.calls[index];
    const method = call.method.toUpperCase();
    const label = `${method} ${call.path}`;
    const base = { label, method, routeId: entry.routeId, resources: entry.resources };
    if (method !== 'GET') return { ...base, request: null, reason: 'not sent: it changes data' };
    return { ...base, request: buildGetRequest(label, call.path) };
  });
}

/**
 * Plans one GET per resource id: the stock route needing it with the fewest `:params`, placeholders
 * filled; ids no GET route needs are listed as not checked.
 *
 * @throws CliError `INVALID_INPUT` for a string that is not a resource id.
 */
export function planResourceProbes(model: MagentoModel, ids: readonly string[]): ResourceProbe[] {
  return ids.map((id) => {
    if (!RESOURCE_ID.test(id))
      throw new CliError(`--resources: "${id}" is not an ACL resource id.`, 'INVALID_INPUT', {
        hint: 'Resource ids look like Magento_Catalog::products; separate them with commas.',
      });
    const routes = model.routes.routes
      .filter((route) => route.method === 'GET' && route.resources.includes(id))
      .sort(
        (a, b) => countParams(a.url) - countParams(b.url) || a.url.length - b.url.length || (a.url < b.url ? -1 : 1),
      );
    const route = routes[0];
    if (route === undefined) {
      const known = model.tree.nodes.has(id)
        ? 'no GET route of stock Magento 2.4.6-p1 needs it'
        : 'not an ACL resource of stock Magento 2.4.6-p1';
      return {
        label: id,
        method: 'GET',
        routeId: null,
        resources: [id],
        request: null,
        reason: `not checked: ${known}`,
      };
    }
    return {
      label: `${id} (GET ${route.url})`,
      method: 'GET',
      routeId: route.id,
      resources: [...route.resources],
      request: { path: checkRestPath(fillPlaceholders(route.url)) },
    };
  });
}

function countParams(url: string): number {
  return url.split('/').filter((segment) => segment.startsWith(':')).length;
}
