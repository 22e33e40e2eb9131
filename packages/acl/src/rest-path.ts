import { AclError } from './acl-error';
import { trimSlashes } from './php-strings';

/** How Magento's request-processor pool handles a path (MAGENTO.md §4 "URL shapes"). */
export type RestMode = 'sync' | 'async' | 'async-bulk' | 'schema';

/** Options for reading REST paths. */
export interface RestPathOptions {
  /**
   * The store codes the store knows (`PathProcessor` strips a known code; `all` is always the admin
   * store). Default: any syntactically valid store code (`^[a-z][a-z0-9_]*$`, case-insensitive) except
   * `V<n>`, `async` and `schema`, since the store list is not known offline.
   */
  storeCodes?: readonly string[];
}

/** A REST path split the way Magento's front controller sees it. */
export interface RestRequestPath {
  /** The path as given, without query string or fragment. */
  path: string;
  /** What the router matches: after the store code and the async prefix are removed. */
  pathInfo: string;
  /** The store code stripped from the path (`all` for the admin store), or null (default store). */
  storeCode: string | null;
  /** The processor that takes the request, or null when none does (400). */
  mode: RestMode | null;
  /** Whether the path came as a full `/rest/…` path (false for a route path such as `/V1/…`). */
  viaRestFrontName: boolean;
}

const STORE_CODE = /^[a-z][a-z0-9_]*$/i;
const SYNC_PATH = /^\/V\d+/;
const VERSION = /^V\d+$/;
const ASYNC_PATH = /^\/async\/V./;
const BULK_PATH = /^\/async\/bulk\/V./;

/**
 * Reads a REST path: a full URL or path (`/rest/default/V1/…`, `/index.php/rest/V1/…`,
 * `/rest/es_mx/async/bulk/V1/…`) or a route path (`/V1/…`, `/async/V1/…`). Follows
 * `Magento\Webapi\Controller\PathProcessor::process()` and the processors' `canProcess()` patterns
 * (`SynchronousRequestProcessor` `^/V\d+`, `AsynchronousRequestProcessor` `^/async(/V.+)`,
 * `^/async/bulk(/V.+)`, never for GET).
 *
 * @throws AclError `INVALID_PATH` for a path that is neither under `/rest` nor a route path
 */
export function parseRestPath(input: string, method: string, options: RestPathOptions = {}): RestRequestPath {
  const path = stripToPath(input);
  let pathInfo: string;
  let storeCode: string | null = null;
  let viaRestFrontName = false;
  const withoutIndex = path === '/index.php' || path.startsWith('/index.php/') ? path.slice('/index.php'.length) || '/' : path;
  if (withoutIndex === '/rest' || withoutIndex.startsWith('/rest/')) {
    viaRestFrontName = true;
    ({ pathInfo, storeCode } = stripStoreCode(withoutIndex, options));
  } else if (SYNC_PATH.test(withoutIndex) || withoutIndex.startsWith('/async/') || withoutIndex.startsWith('/schema')) {
    pathInfo = withoutIndex;
  } else {
    throw new AclError(`"${input}" is not a REST path`, 'INVALID_PATH', {
      hint: 'Give a full REST path such as /rest/default/V1/products or a route path such as /V1/products.',
    });
  }
  const processed = selectProcessor(pathInfo, method);
  return { path, pathInfo: processed.pathInfo, storeCode, mode: processed.mode, viaRestFrontName };
}

const SCHEME_AND_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

function stripToPath(input: string): string {
  let start = 0;
  if (input.charCodeAt(0) !== 0x2f) start = SCHEME_AND_HOST.exec(input)?.[0].length ?? 0;
  let end = input.indexOf('?', start);
  if (end === -1) end = input.length;
  const hash = input.indexOf('#', start);
  if (hash !== -1 && hash < end) end = hash;
  const path = start === 0 && end === input.length ? input : input.slice(start, end);
  return path.charCodeAt(0) === 0x2f ? path : `/${path}`;
}

/** `PathProcessor::process()`: drop the front name, then a known store code (or `all`). */
function stripStoreCode(path: string, options: RestPathOptions): { pathInfo: string; storeCode: string | null } {
  const all = trimSlashes(path);
  const first = all.indexOf('/');
  let from = first === -1 ? all.length : first + 1;
  while (all.charCodeAt(from) === 0x2f) from++;
  const trimmed = all.slice(from);
  const slash = trimmed.indexOf('/');
  const parts = slash === -1 ? [trimmed] : [trimmed.slice(0, slash), trimmed.slice(slash + 1)];
  const code = parts[0];
  if (code === 'all' || isKnownStoreCode(code, options)) return { pathInfo: `/${parts[1] ?? ''}`, storeCode: code };
  return { pathInfo: `/${parts.join('/')}`, storeCode: null };
}

function isKnownStoreCode(code: string, options: RestPathOptions): boolean {
  if (options.storeCodes !== undefined) return options.storeCodes.includes(code);
  if (code.charCodeAt(0) === 0x56 && isDigit(code.charCodeAt(1))) return !VERSION.test(code) && STORE_CODE.test(code);
  return code !== 'async' && code !== 'schema' && STORE_CODE.test(code);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function selectProcessor(pathInfo: string, method: string): { pathInfo: string; mode: RestMode | null } {
  if (pathInfo.charCodeAt(1) === 0x56 && pathInfo.charCodeAt(0) === 0x2f && isDigit(pathInfo.charCodeAt(2))) return { pathInfo, mode: 'sync' };
  const bare = pathInfo.replace(/^\/+/, '');
  if (bare.startsWith('schema') || bare.startsWith('async/schema') || bare.startsWith('async/bulk/schema')) return { pathInfo, mode: 'schema' };
  if (method !== 'GET') {
    // preg_replace('^/async(/V.+)', '$1') and '^/async/bulk(/V.+)': the prefix goes, the rest stays.
    if (BULK_PATH.test(pathInfo)) return { pathInfo: pathInfo.slice('/async/bulk'.length), mode: 'async-bulk' };
    if (ASYNC_PATH.test(pathInfo)) return { pathInfo: pathInfo.slice('/async'.length), mode: 'async' };
  }
  return { pathInfo, mode: null };
}
