import { PHP_ARRAY, parsePhpQuery, type PhpValue } from './php-parse-str';
import { rawurldecode } from './php-string';
import { decodedName, decodedValue, type QuerySegment } from './query-segments';

/** Parameters as Magento's request helper collects them: byte-string keys in PHP array order. */
export type MagentoParams = Map<string, PhpValue>;

const PROTOCOL_PARAMETER = /oauth_[a-z_-]+/;
// eslint-disable-next-line no-control-regex -- PHP trim()'s default character list
const PHP_TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

/** Magento's `_isProtocolParameter`: the unanchored `/oauth_[a-z_-]+/`. */
export function isProtocolParameter(name: string): boolean {
  return PROTOCOL_PARAMETER.test(name);
}

/**
 * Magento's `_processHeader`: finds `oauth ` (any case) and reads `name=value` pairs split on `,`,
 * keeping names that contain `oauth_…`, rawurldecoding names and values and trimming quotes.
 * Returns null when the header carries no `OAuth ` scheme (the request is then not OAuth at all).
 * Input and output are byte strings. See MAGENTO.md §1.3.
 */
export function parseMagentoAuthorizationHeader(header: string | undefined | null): MagentoParams | null {
  if (!header) return null;
  const at = header.toLowerCase().indexOf('oauth ');
  if (at === -1) return null;
  const params: MagentoParams = new Map();
  for (const part of header.slice(at + 6).split(',')) {
    const item = part.replace(PHP_TRIM, '');
    const eq = item.indexOf('=');
    if (eq === -1) continue;
    const name = item.slice(0, eq);
    if (!isProtocolParameter(name)) continue;
    params.set(rawurldecode(name), rawurldecode(trimQuotes(item.slice(eq + 1))));
  }
  return params;
}

function trimQuotes(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) === 34) start++;
  while (end > start && value.charCodeAt(end - 1) === 34) end--;
  return value.slice(start, end);
}

/** The request as Magento's OAuth helper sees it (byte strings). */
export interface MagentoRequestView {
  authorization?: string | null;
  contentType?: string | null;
  body?: string | null;
  /** The query string of the request URI (without `?`), or null. */
  query: string | null;
  /** `splitQuery(query)`, when the caller has it (then names and values are decoded once). */
  querySegments?: QuerySegment[] | null;
}

/**
 * Magento's `Helper\Request::_processRequest()`: header params, then form-body params (only for
 * `application/x-www-form-urlencoded…`, body `oauth_*` only when the header gave none), then the
 * query's non-oauth `name=value` pairs with exactly one `=` (rawurldecoded). Null when not OAuth.
 */
export function collectMagentoParams(request: MagentoRequestView): MagentoParams | null {
  const params = parseMagentoAuthorizationHeader(request.authorization);
  return params === null ? null : addBodyAndQueryParams(params, request);
}

/** The body and query steps of {@link collectMagentoParams}, on already-parsed header params (mutated). */
export function addBodyAndQueryParams(params: MagentoParams, request: Omit<MagentoRequestView, 'authorization'>): MagentoParams {
  const { body, contentType } = request;
  if (body !== null && body !== undefined && contentType && contentType.startsWith('application/x-www-form-urlencoded')) {
    const headerGaveNone = params.size === 0;
    for (const [name, value] of parsePhpQuery(body)) {
      if (!isProtocolParameter(name) || headerGaveNone) params.set(name, value);
    }
  }
  if (request.querySegments) addQuerySegments(params, request.query, request.querySegments);
  else addQueryParams(params, request.query);
  return params;
}

/** The query's `name=value` pairs with exactly one `=` and a non-oauth name, rawurldecoded (one scan, no split arrays). */
function addQueryParams(params: MagentoParams, query: string | null): void {
  if (!query || query === '0') return;
  const length = query.length;
  let nextEq = query.indexOf('=');
  let start = 0;
  while (start <= length) {
    let end = query.indexOf('&', start);
    if (end === -1) end = length;
    if (nextEq !== -1 && nextEq < start) nextEq = query.indexOf('=', start);
    if (nextEq !== -1 && nextEq < end) {
      const eq = nextEq;
      nextEq = query.indexOf('=', eq + 1);
      if (nextEq === -1 || nextEq >= end) {
        const name = query.slice(start, eq);
        if (!isProtocolParameter(name)) params.set(rawurldecode(name), rawurldecode(query.slice(eq + 1, end)));
      }
    }
    start = end + 1;
  }
}

/** {@link addQueryParams} over the query's segments. */
function addQuerySegments(params: MagentoParams, query: string | null, segments: readonly QuerySegment[]): void {
  if (!query || query === '0') return;
  for (const segment of segments) {
    if (segment.single && !isProtocolParameter(segment.rawName)) params.set(decodedName(segment), decodedValue(segment));
  }
}

/** Whether any collected value is a PHP array (bracketed form-body names). */
export function findArrayParam(params: MagentoParams): string | undefined {
  for (const [name, value] of params) if (value === PHP_ARRAY) return name;
  return undefined;
}
