/**
 * A deliberately naive reference for the fast matcher's property tests: the previous regex-based
 * path reader and Magento's routing algorithm written out literally (exact hit, else filter by method
 * and service base url, in table order, every route tried, the last match wins). Slow on purpose.
 */
import { AclError } from '../acl-error';
import { restError, type RouteMatch } from '../match-route';
import { looseEquals, trim } from '@magekit/php';
import type { RestMode, RestPathOptions, RestRequestPath } from '../rest-path';
import type { Route, RouteTable } from '../route-table';

const STORE_CODE = /^[a-z][a-z0-9_]*$/i;

/** `PathProcessor::process()` and the processors' `canProcess()`, with regular expressions. */
export function referenceParseRestPath(input: string, method: string, options: RestPathOptions = {}): RestRequestPath {
  const host = input.startsWith('/') ? 0 : (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(input)?.[0].length ?? 0);
  const rest = input.slice(host).split(/[?#]/)[0];
  const path = rest.startsWith('/') ? rest : `/${rest}`;
  const withoutIndex = /^\/index\.php(\/|$)/.test(path) ? path.slice(10) || '/' : path;
  let pathInfo: string;
  let storeCode: string | null = null;
  const viaRestFrontName = /^\/rest(\/|$)/.test(withoutIndex);
  if (viaRestFrontName) {
    const [, ...after] = trim(withoutIndex, '/').split('/');
    const trimmed = after.join('/').replace(/^\/+/, '');
    const [code, ...tail] = trimmed.split('/');
    const known =
      options.storeCodes !== undefined
        ? options.storeCodes.includes(code)
        : STORE_CODE.test(code) && !/^V\d+$/.test(code) && code !== 'async' && code !== 'schema';
    if (code === 'all' || known) [pathInfo, storeCode] = [`/${tail.join('/')}`, code];
    else pathInfo = `/${trimmed}`;
  } else if (/^\/V\d+/.test(withoutIndex) || withoutIndex.startsWith('/async/') || withoutIndex.startsWith('/schema')) {
    pathInfo = withoutIndex;
  } else {
    throw new AclError(`"${input}" is not a REST path`, 'INVALID_PATH');
  }
  let mode: RestMode | null = null;
  const bare = pathInfo.replace(/^\/+/, '');
  if (/^\/V\d/.test(pathInfo)) mode = 'sync';
  else if (/^(async\/(bulk\/)?)?schema/.test(bare)) mode = 'schema';
  else if (method !== 'GET' && /^\/async\/bulk\/V./.test(pathInfo))
    [pathInfo, mode] = [pathInfo.slice(11), 'async-bulk'];
  else if (method !== 'GET' && /^\/async\/V./.test(pathInfo)) [pathInfo, mode] = [pathInfo.slice(6), 'async'];
  return { path, pathInfo, storeCode, mode, viaRestFrontName };
}

/** PHP `urldecode()` via `decodeURIComponent`, byte by byte when that throws (lone `%`, not UTF-8). */
export function referenceUrldecode(value: string): string {
  const spaced = value.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    const bytes: number[] = [];
    for (let i = 0; i < spaced.length; i++) {
      const hex = /^%[0-9a-f]{2}/i.exec(spaced.slice(i))?.[0];
      if (hex !== undefined) {
        bytes.push(Number.parseInt(hex.slice(1), 16));
        i += 2;
      } else {
        const char = String.fromCodePoint(spaced.codePointAt(i) as number);
        bytes.push(...new TextEncoder().encode(char));
        i += char.length - 1;
      }
    }
    return new TextDecoder().decode(Uint8Array.from(bytes));
  }
}

/** `Route::match()`: same segment count, literals loosely equal, `:name` captured and urldecoded. */
function matchOneRoute(url: string, pathInfo: string, captureOnly = false): Record<string, string> | null {
  const routeParts = trim(url, '/').split('/');
  const pathParts = trim(pathInfo, '/').split('/');
  if (routeParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < routeParts.length; i++) {
    const [segment, part] = [routeParts[i], pathParts[i]];
    const variable = segment.startsWith(':') && segment[1] !== ':' ? segment.slice(1) : null;
    if (variable !== null && variable !== '' && variable !== '0') params[variable] = referenceUrldecode(part);
    else if (!captureOnly && (variable !== null ? part !== '' && part !== '0' : !looseEquals(segment, part)))
      return null;
  }
  return params;
}

/** Every route Magento's router tries and matches for `pathInfo`, in order, with their captures. */
export function referenceMatchingRoutes(
  routes: readonly Route[],
  method: string,
  pathInfo: string,
): Array<{ route: Route; params: Record<string, string> }> {
  const exact = routes.find((route) => route.method === method && route.url === pathInfo);
  // Like the library, an exact hit is taken without Route::match() (Magento would still run it,
  // which only matters for a url with a `:` or `:0` segment; no stock route has one).
  if (exact !== undefined)
    return [{ route: exact, params: matchOneRoute(exact.url, pathInfo, true) as Record<string, string> }];
  const base = /^\/?\w+\/\w+/.exec(pathInfo)?.[0];
  const candidates =
    base === undefined
      ? []
      : routes.filter((route) => route.method === method && trim(route.url, '/').startsWith(trim(base, '/')));
  const matched: Array<{ route: Route; params: Record<string, string> }> = [];
  for (const route of candidates) {
    const params = matchOneRoute(route.url, pathInfo);
    if (params !== null) matched.push({ route, params });
  }
  return matched;
}

/** `matchRoute()` the slow way. */
export function referenceMatchRoute(
  table: RouteTable,
  method: string,
  path: string,
  options: RestPathOptions = {},
): RouteMatch {
  const upper = ['GET', 'POST', 'PUT', 'DELETE'].includes(method) ? method : method.toUpperCase();
  if (!/^[A-Z]+$/.test(upper)) throw new AclError(`"${method}" is not an HTTP method`, 'INVALID_METHOD');
  const request = referenceParseRestPath(path, upper, options);
  const none = (outcome: RouteMatch['outcome'], status: number, message: string): RouteMatch => ({
    method: upper,
    request,
    outcome,
    route: null,
    params: {},
    error: restError(status, message),
  });
  if (!['GET', 'POST', 'PUT', 'DELETE'].includes(upper)) return none('bad-request', 400, 'Request method is invalid.');
  if (request.mode === null) return none('bad-request', 400, 'Specified request cannot be processed.');
  if (request.mode === 'schema')
    return { method: upper, request, outcome: 'schema', route: null, params: {}, error: null };
  const winner = referenceMatchingRoutes(table.routes, upper, request.pathInfo).pop();
  if (winner === undefined) return none('no-route', 404, 'Request does not match any route.');
  return { method: upper, request, outcome: 'matched', route: winner.route, params: winner.params, error: null };
}
