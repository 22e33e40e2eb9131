import { AclError } from './acl-error';
import { trimSlashes } from './php-strings';
import { parseRestPath, type RestPathOptions, type RestRequestPath } from './rest-path';
import { captureParams, collectMatches, type IndexedRoute } from './route-index';
import type { Route, RouteTable } from './route-table';
import { ROUTE_METHODS } from './webapi-xml';

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

const SERVICE_BASE_URL = /^\/?\w+\/\w+/;

/**
 * Matches a request to a route exactly as Magento does (MAGENTO.md §4 "Route matching";
 * `Magento\Webapi\Model\Rest\Config::getRestRoutes()`, `Controller\Rest\Router::match()`): exact
 * path+method first; otherwise routes of the method whose url starts with the path's first two
 * segments, in `ksort(SORT_STRING)` order, the last one whose segments match wins. Indexed by method,
 * segment count and a literal-segment trie, so no request scans the table.
 *
 * @throws AclError `INVALID_METHOD` (not an HTTP token), `INVALID_PATH`
 */
export function matchRoute(table: RouteTable, method: string, path: string, options: RestPathOptions = {}): RouteMatch {
  const upper = normalizeMethod(method);
  const request = parseRestPath(path, upper, options);
  const base = { method: upper, request, route: null, params: {} };
  if (!(ROUTE_METHODS as readonly string[]).includes(upper)) return { ...base, outcome: 'bad-request', error: restError(400, 'Request method is invalid.') };
  if (request.mode === null) return { ...base, outcome: 'bad-request', error: restError(400, 'Specified request cannot be processed.') };
  if (request.mode === 'schema') return { ...base, outcome: 'schema', error: null };
  const winner = findWinner(table, upper, request.pathInfo);
  if (winner === undefined) return { ...base, outcome: 'no-route', error: restError(404, 'Request does not match any route.') };
  return { ...base, outcome: 'matched', route: winner.route, params: captureParams(winner, splitPath(request.pathInfo)), error: null };
}

/**
 * Every route Magento's router finds matching `pathInfo`, in its order (the last one wins), with the
 * request parameters as Magento leaves them: `Router::match()` calls `setParams()` for each match,
 * so captures of losing routes stay in the request unless a later one overwrites them.
 */
export function listMatchingRoutes(table: RouteTable, method: string, pathInfo: string): { routes: Route[]; requestParams: Record<string, string> } {
  const upper = normalizeMethod(method);
  const parts = splitPath(pathInfo);
  const exact = table.index.exact.get(`${upper} ${pathInfo}`);
  const matched = exact !== undefined ? [exact] : candidates(table, upper, pathInfo).sort((a, b) => a.rank - b.rank);
  const requestParams: Record<string, string> = {};
  for (const entry of matched) Object.assign(requestParams, captureParams(entry, parts));
  return { routes: matched.map((entry) => entry.route), requestParams };
}

function findWinner(table: RouteTable, method: string, pathInfo: string): IndexedRoute | undefined {
  const exact = table.index.exact.get(`${method} ${pathInfo}`);
  if (exact !== undefined) return exact;
  let best: IndexedRoute | undefined;
  for (const entry of candidates(table, method, pathInfo)) if (best === undefined || entry.rank > best.rank) best = entry;
  return best;
}

function candidates(table: RouteTable, method: string, pathInfo: string): IndexedRoute[] {
  const baseUrl = SERVICE_BASE_URL.exec(pathInfo);
  if (baseUrl === null) return [];
  const prefix = trimSlashes(baseUrl[0]);
  const found: IndexedRoute[] = [];
  collectMatches(table.index, method, splitPath(pathInfo), found);
  return found.filter((entry) => entry.trimmedUrl.startsWith(prefix));
}

function splitPath(pathInfo: string): string[] {
  return trimSlashes(pathInfo).split('/');
}

function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  if (!/^[A-Z]+$/.test(upper)) throw new AclError(`"${method}" is not an HTTP method`, 'INVALID_METHOD', { hint: 'Use GET, POST, PUT or DELETE.' });
  return upper;
}

/** Builds a REST error with its rendered text (`%name` placeholders filled in). */
export function restError(httpStatus: number, message: string, parameters: Record<string, string> = {}): RestError {
  const rendered = message.replace(/%(\w+)/g, (whole, name: string) => parameters[name] ?? whole);
  return { httpStatus, message, parameters, rendered };
}
