import { AclError } from './acl-error';
import { isKnownStoreCode, isLineTerminator, selectProcessor, stripToPath } from './rest-path-rules';

/** How Magento's request-processor pool handles a path (`Webapi\Controller\PathProcessor`, docs/magento-behaviour.md §4.1). */
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

const NO_OPTIONS: RestPathOptions = {};
const SLASH = 0x2f;

/**
 * Reads a REST path: a full URL or path (`/rest/default/V1/…`, `/index.php/rest/V1/…`,
 * `/rest/es_mx/async/bulk/V1/…`) or a route path (`/V1/…`, `/async/V1/…`). Follows
 * `Magento\Webapi\Controller\PathProcessor::process()` and the processors' `canProcess()` patterns
 * (`SynchronousRequestProcessor` `^/V\d+`, `AsynchronousRequestProcessor` `^/async(/V.+)`,
 * `^/async/bulk(/V.+)`, never for GET). One pass over the path by offsets: only `pathInfo` and the
 * store code are cut out of it.
 *
 * @throws AclError `INVALID_PATH` for a path that is neither under `/rest` nor a route path
 */
export function parseRestPath(input: string, method: string, options: RestPathOptions = NO_OPTIONS): RestRequestPath {
  const path = stripToPath(input);
  const end = path.length;
  // `/index.php` (URL rewrites off) is dropped; what follows it is read from `at` on.
  const at =
    path.charCodeAt(1) === 0x69 && hasAt(path, 0, '/index.php') && (end === 10 || path.charCodeAt(10) === SLASH)
      ? 10
      : 0;
  if (at === end) throw notRestPath(input); // "/index.php" alone reads as "/"
  if (
    path.charCodeAt(at + 1) === 0x72 &&
    hasAt(path, at, '/rest') &&
    (end === at + 5 || path.charCodeAt(at + 5) === SLASH)
  )
    return readUnderFrontName(path, at, method, options);
  const c1 = path.charCodeAt(at + 1);
  const isSync = c1 === 0x56 && isDigit(path.charCodeAt(at + 2));
  if (!isSync && !hasAt(path, at, '/async/') && !hasAt(path, at, '/schema')) throw notRestPath(input);
  return finish(path, at, end, method, null, false);
}

function notRestPath(input: string): AclError {
  return new AclError(`"${input}" is not a REST path`, 'INVALID_PATH', {
    hint: 'Give a full REST path such as /rest/default/V1/products or a route path such as /V1/products.',
  });
}

/**
 * `PathProcessor::process()` on `path` from `at` (which starts with `/rest`): trim slashes, drop the
 * front name and the slashes after it, then strip a known store code (or `all`).
 */
function readUnderFrontName(path: string, at: number, method: string, options: RestPathOptions): RestRequestPath {
  let end = path.length;
  while (end > at && path.charCodeAt(end - 1) === SLASH) end--;
  let from = at + 5;
  while (from < end && path.charCodeAt(from) === SLASH) from++;
  let codeEnd = from === end ? end : path.indexOf('/', from);
  if (codeEnd === -1 || codeEnd > end) codeEnd = end;
  if (!isStoreCodeAt(path, from, codeEnd, options)) {
    // Not a store code: the path keeps it, behind one slash ("/rest" alone reads as "/").
    return from === end
      ? { path, pathInfo: '/', storeCode: null, mode: null, viaRestFrontName: true }
      : finish(path, from - 1, end, method, null, true);
  }
  const storeCode = path.slice(from, codeEnd);
  if (codeEnd === end) return { path, pathInfo: '/', storeCode, mode: null, viaRestFrontName: true };
  return finish(path, codeEnd, end, method, storeCode, true);
}

/** `isKnownStoreCode()` on `path[from, to)`; the default rule is read in place. */
function isStoreCodeAt(path: string, from: number, to: number, options: RestPathOptions): boolean {
  if (options.storeCodes !== undefined) {
    const code = path.slice(from, to);
    return code === 'all' || isKnownStoreCode(code, options);
  }
  // `^[a-z][a-z0-9_]*$`i, but not `V<digits>`, `async` or `schema`.
  if (from === to || !isLetter(path.charCodeAt(from))) return false;
  if ((to - from === 5 && hasAt(path, from, 'async')) || (to - from === 6 && hasAt(path, from, 'schema'))) return false;
  let versionLike = path.charCodeAt(from) === 0x56 && to - from > 1;
  for (let i = from + 1; i < to; i++) {
    const c = path.charCodeAt(i);
    if (isDigit(c)) continue;
    versionLike = false;
    if (!isLetter(c) && c !== 0x5f) return false;
  }
  return !versionLike;
}

/**
 * Picks the processor for `pathInfo` = `path[from, to)` and builds the result. The common shapes
 * (`/V<digit>…`, `/async/V…`, `/async/bulk/V…`) are read in place; others go through the full rules.
 */
function finish(
  path: string,
  from: number,
  to: number,
  method: string,
  storeCode: string | null,
  viaRestFrontName: boolean,
): RestRequestPath {
  if (path.charCodeAt(from + 1) === 0x56 && path.charCodeAt(from) === SLASH && isDigit(path.charCodeAt(from + 2))) {
    return {
      path,
      pathInfo: from === 0 && to === path.length ? path : path.slice(from, to),
      storeCode,
      mode: 'sync',
      viaRestFrontName,
    };
  }
  if (method !== 'GET' && path.charCodeAt(from + 1) === 0x61 && hasAt(path, from, '/async/')) {
    // preg_replace('^/async/bulk(/V.+)', '$1') and '^/async(/V.+)': the prefix goes, the rest stays.
    if (
      path.charCodeAt(from + 12) === 0x56 &&
      hasAt(path, from + 7, 'bulk/') &&
      from + 13 < to &&
      !isLineTerminator(path.charCodeAt(from + 13))
    ) {
      return { path, pathInfo: path.slice(from + 11, to), storeCode, mode: 'async-bulk', viaRestFrontName };
    }
    if (path.charCodeAt(from + 7) === 0x56 && from + 8 < to && !isLineTerminator(path.charCodeAt(from + 8))) {
      return { path, pathInfo: path.slice(from + 6, to), storeCode, mode: 'async', viaRestFrontName };
    }
  }
  const processed = selectProcessor(path.slice(from, to), method);
  return { path, pathInfo: processed.pathInfo, storeCode, mode: processed.mode, viaRestFrontName };
}

/** `path.startsWith(literal, at)`; `slice` + `===` is several times faster in V8. */
function hasAt(path: string, at: number, literal: string): boolean {
  return path.slice(at, at + literal.length) === literal;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
