import type { RestMode, RestPathOptions } from './rest-path';

const STORE_CODE = /^[a-z][a-z0-9_]*$/i;
const VERSION = /^V\d+$/;
const ASYNC_PATH = /^\/async\/V./;
const BULK_PATH = /^\/async\/bulk\/V./;
const SCHEME_AND_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** The path of a URL or path: scheme and host, query string and fragment removed; always starts with `/`. */
export function stripToPath(input: string): string {
  let start = 0;
  if (input.charCodeAt(0) !== 0x2f) start = SCHEME_AND_HOST.exec(input)?.[0].length ?? 0;
  let end = input.indexOf('?', start);
  if (end === -1) end = input.length;
  const hash = input.indexOf('#', start);
  if (hash !== -1 && hash < end) end = hash;
  const path = start === 0 && end === input.length ? input : input.slice(start, end);
  return path.charCodeAt(0) === 0x2f ? path : `/${path}`;
}

/** Whether `PathProcessor` strips `code` as a store code (`all` is handled by the caller). */
export function isKnownStoreCode(code: string, options: RestPathOptions): boolean {
  if (options.storeCodes !== undefined) return options.storeCodes.includes(code);
  if (code.charCodeAt(0) === 0x56 && isDigit(code.charCodeAt(1))) return !VERSION.test(code) && STORE_CODE.test(code);
  return code !== 'async' && code !== 'schema' && STORE_CODE.test(code);
}

/** A character the regex `.` does not match. */
export function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The request-processor pool: which processor takes `pathInfo`, and what it hands the router. */
export function selectProcessor(pathInfo: string, method: string): { pathInfo: string; mode: RestMode | null } {
  if (pathInfo.charCodeAt(1) === 0x56 && pathInfo.charCodeAt(0) === 0x2f && isDigit(pathInfo.charCodeAt(2)))
    return { pathInfo, mode: 'sync' };
  const bare = pathInfo.replace(/^\/+/, '');
  if (bare.startsWith('schema') || bare.startsWith('async/schema') || bare.startsWith('async/bulk/schema'))
    return { pathInfo, mode: 'schema' };
  if (method !== 'GET') {
    // preg_replace('^/async(/V.+)', '$1') and '^/async/bulk(/V.+)': the prefix goes, the rest stays.
    if (BULK_PATH.test(pathInfo)) return { pathInfo: pathInfo.slice('/async/bulk'.length), mode: 'async-bulk' };
    if (ASYNC_PATH.test(pathInfo)) return { pathInfo: pathInfo.slice('/async'.length), mode: 'async' };
  }
  return { pathInfo, mode: null };
}
