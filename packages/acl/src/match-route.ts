import { AclError } from './acl-error';
import { parseRestPath, type RestPathOptions, type RestRequestPath } from './rest-path';
import { createPathSpans, listSegments, splitIntoSpans } from './path-spans';
import type { IndexedRoute } from './route-index';
import { captureParams, collectMatches, findRoute } from './route-walk';
import type { Route, RouteTable } from './route-table';

/** A REST error as Magento answers it: status, phrase and its parameters. */
export interface RestError {
  httpStatus: number;
  /** The phrase with placeholders, e.g. `The consumer isn't authorized to access %resources.` */
  message: string;
  parameters: Record<string, string>;
  /** The phrase with its parameters filled in. */
  rendered: string;
}

/** What the router does with a request. */
export interface RouteMatch {
  method: string;
  request: RestRequestPath;
  outcome: 'matched' | 'schema' | 'no-route' | 'bad-request';
  route: Route | null;
  /** The winning route's `:param` captures, `urldecode`d. */
  params: Record<string, string>;
  error: RestError | null;
}

const NO_OPTIONS: RestPathOptions = {};
/** The segment offsets of the request being matched (matching is synchronous, so one buffer serves all). */
const SPANS = createPathSpans();

/**
 * Matches a request to a route exactly as Magento does (docs/magento-behaviour.md §4.2;
 * `Magento\Webapi\Model\Rest\Config::getRestRoutes()`, `Controller\Rest\Router::match()`): exact
 * path+method first; otherwise routes of the method whose url starts with the path's first two
 * segments, in `ksort(SORT_STRING)` order, the last one whose segments match wins. Indexed by method,
 * segment count and a literal-segment trie, so no request scans the table.
 *
 * @throws AclError `INVALID_METHOD` (not an HTTP token), `INVALID_PATH`
 */
export function matchRoute(
  table: RouteTable,
  method: string,
  path: string,
  options: RestPathOptions = NO_OPTIONS,
): RouteMatch {
  const upper = normalizeMethod(method);
  const request = parseRestPath(path, upper, options);
  if (upper !== 'GET' && upper !== 'POST' && upper !== 'PUT' && upper !== 'DELETE')
    return unmatched(upper, request, 'bad-request', restError(400, 'Request method is invalid.'));
  if (request.mode === null)
    return unmatched(upper, request, 'bad-request', restError(400, 'Specified request cannot be processed.'));
  if (request.mode === 'schema') return unmatched(upper, request, 'schema', null);
  const pathInfo = request.pathInfo;
  splitIntoSpans(pathInfo, SPANS);
  const winner = findRoute(table.index, upper, pathInfo, SPANS);
  if (winner === undefined)
    return unmatched(upper, request, 'no-route', restError(404, 'Request does not match any route.'));
  return {
    method: upper,
    request,
    outcome: 'matched',
    route: winner.route,
    params: captureParams(winner, pathInfo, SPANS),
    error: null,
  };
}

function unmatched(
  method: string,
  request: RestRequestPath,
  outcome: RouteMatch['outcome'],
  error: RestError | null,
): RouteMatch {
  return { method, request, outcome, route: null, params: {}, error };
}

/**
 * Every route Magento's router finds matching `pathInfo`, in its order (the last one wins), with the
 * request parameters as Magento leaves them: `Router::match()` calls `setParams()` for each match,
 * so captures of losing routes stay in the request unless a later one overwrites them.
 */
export function listMatchingRoutes(
  table: RouteTable,
  method: string,
  pathInfo: string,
): { routes: Route[]; requestParams: Record<string, string> } {
  const upper = normalizeMethod(method);
  const spans = createPathSpans();
  splitIntoSpans(pathInfo, spans);
  const exact = table.index.exact.get(upper)?.get(pathInfo);
  const forMethod = table.index.methods.get(upper);
  const matched: IndexedRoute[] = exact !== undefined ? [exact] : [];
  if (exact === undefined && forMethod !== undefined)
    collectMatches(forMethod, pathInfo, listSegments(pathInfo, spans), matched);
  matched.sort((a, b) => a.rank - b.rank);
  const requestParams: Record<string, string> = {};
  for (const entry of matched) Object.assign(requestParams, captureParams(entry, pathInfo, spans));
  return { routes: matched.map((entry) => entry.route), requestParams };
}

function normalizeMethod(method: string): string {
  if (method === 'GET' || method === 'POST' || method === 'PUT' || method === 'DELETE') return method;
  const upper = method.toUpperCase();
  if (!/^[A-Z]+$/.test(upper))
    throw new AclError(`"${method}" is not an HTTP method`, 'INVALID_METHOD', {
      hint: 'Use GET, POST, PUT or DELETE.',
    });
  return upper;
}

/** Builds a REST error with its rendered text (`%name` placeholders filled in). */
export function restError(httpStatus: number, message: string, parameters: Record<string, string> = {}): RestError {
  const rendered = message.replace(/%(\w+)/g, (whole, name: string) => parameters[name] ?? whole);
  return { httpStatus, message, parameters, rendered };
}
