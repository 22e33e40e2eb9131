import { parseStrTopLevel, rawurldecode, toBytes, trim, type TopLevelValue } from '@magekit/php';
import type OAuth from 'oauth-1.0a';
import { OAuth1Error } from './oauth1-error';

/** The parts of an absolute http(s) URL as written (no normalisation): host[:port], path, query without `?`. */
export interface UrlParts {
  scheme: string;
  authority: string;
  path: string;
  /** Null when the URL has no `?`. */
  query: string | null;
}

/** Protocol parameters as the `Authorization` header carries them (byte strings). */
export type ProtocolParams = Record<string, string>;

/** Parameters as Magento's request helper collects them: byte-string names in PHP array order. */
export type MagentoParams = Map<string, TopLevelValue>;

/** A request as Magento reads it, in the shape `oauth-1.0a` passes around (byte strings). */
export interface MagentoRequest extends OAuth.RequestOptions {
  /** The URL Magento rebuilds (scheme, `Host` header, request URI), and its parts. */
  url: string;
  parts: UrlParts;
  contentType?: string | null;
  body?: string | null;
  /** Protocol parameters sent besides the ones `authorize` makes (`oauth_verifier`, `oauth_callback`…). */
  data?: ProtocolParams;
}

type Headers = Readonly<Record<string, string | undefined>>;
type RequestInput = { method: string; url: string; headers?: Headers; body?: string | null };

/** scheme `://` authority, path, `?` query, `#` fragment. */
const ABSOLUTE_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/;
const HTTP_SCHEMES = ['http', 'https'];
const URL_HINT = 'Pass the full URL as it will be sent, e.g. https://shop.example.com/rest/V1/products?a[b]=1.';
const PROTOCOL_PARAMETER = /oauth_[a-z_-]+/;
const OAUTH_SCHEME = 'oauth ';
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const QUOTES = /^"+|"+$/g;

/** Splits an absolute URL without normalising anything (what is sent is what is signed). */
export function splitUrl(url: string): UrlParts {
  const match = typeof url === 'string' ? ABSOLUTE_URL.exec(url) : null;
  if (!match || match[2] === '') {
    throw new OAuth1Error(`Not an absolute http(s) URL: ${JSON.stringify(url)}.`, 'INVALID_URL', { hint: URL_HINT });
  }
  if (!HTTP_SCHEMES.includes(match[1].toLowerCase())) {
    const message = `Unsupported URL scheme "${match[1]}": Magento signs http and https URLs only.`;
    throw new OAuth1Error(message, 'INVALID_URL');
  }
  return { scheme: match[1], authority: match[2], path: match[3], query: match[4] ?? null };
}

/** A request header, by its lower-case name, looked up case-insensitively. */
export function headerValue(headers: Headers | undefined, name: string): string | undefined {
  if (!headers || headers[name] !== undefined) return headers?.[name];
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * A request as Magento reads it, in byte strings. The URL is the one it signs
 * (`Magento\Framework\Oauth\Helper\Request::getRequestUrl()`: `getScheme() . '://' .
 * getHttpHost(false) . getRequestUri()`): scheme `https` when the SSL-offloader header
 * (`X-Forwarded-Proto: https`) says so, the raw `Host` header (port included), the request URI verbatim.
 */
export function readMagentoRequest(input: RequestInput, data: ProtocolParams = {}): MagentoRequest {
  const { headers } = input;
  const sent = splitUrl(input.url);
  const offloaded = headerValue(headers, 'x-forwarded-proto')?.trim().toLowerCase() === 'https';
  const parts: UrlParts = {
    scheme: offloaded ? 'https' : sent.scheme.toLowerCase(),
    authority: toBytes(headerValue(headers, 'host') ?? sent.authority),
    path: toBytes(sent.path),
    query: sent.query && toBytes(sent.query),
  };
  const url = `${parts.scheme}://${parts.authority}${parts.path}${parts.query === null ? '' : '?' + parts.query}`;
  const body = input.body === undefined || input.body === null ? null : toBytes(input.body);
  return { method: input.method, url, parts, contentType: headerValue(headers, 'content-type'), body, data };
}

/** `Helper\Request::_isProtocolParameter`: the unanchored `/oauth_[a-z_-]+/`. */
export function isProtocolParameter(name: string): boolean {
  return PROTOCOL_PARAMETER.test(name);
}

/** Whether Magento reads this body as parameters: `strpos($contentType, 'application/x-www-form-urlencoded') === 0`. */
export function isFormBody(request: MagentoRequest): boolean {
  return request.body !== null && request.body !== undefined && !!request.contentType?.startsWith(FORM_CONTENT_TYPE);
}

/**
 * `Helper\Request::_processHeader()`: finds `oauth ` (any case) and reads `name=value` pairs split
 * on `,`, keeping names that contain `oauth_…`, rawurldecoding names and values and trimming
 * quotes. Null when the header carries no `OAuth ` scheme (then the request is not OAuth at all).
 */
export function parseMagentoAuthorizationHeader(header: string | undefined | null): Map<string, string> | null {
  const at = header ? header.toLowerCase().indexOf(OAUTH_SCHEME) : -1;
  if (!header || at === -1) return null;
  const params = new Map<string, string>();
  for (const part of header.slice(at + OAUTH_SCHEME.length).split(',')) {
    const item = trim(part);
    const eq = item.indexOf('=');
    if (eq === -1 || !isProtocolParameter(item.slice(0, eq))) continue;
    params.set(rawurldecode(item.slice(0, eq)), rawurldecode(item.slice(eq + 1).replace(QUOTES, '')));
  }
  return params;
}

/**
 * The body and query steps of `Helper\Request::_processRequest()`, after the header's parameters
 * (`params`, mutated): form-body parameters (body `oauth_*` ones only when the header gave none),
 * then the query's non-oauth `name=value` pairs with exactly one `=`, rawurldecoded.
 */
export function addBodyAndQueryParams(params: MagentoParams, request: MagentoRequest): MagentoParams {
  if (isFormBody(request)) {
    const headerGaveNone = params.size === 0;
    for (const [name, value] of parseStrTopLevel(request.body as string)) {
      if (headerGaveNone || !isProtocolParameter(name)) params.set(name, value);
    }
  }
  const { query } = request.parts;
  // `if ($queryString)`: PHP's empty string and "0" are false.
  if (!query || query === '0') return params;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq === -1 || eq !== pair.lastIndexOf('=')) continue;
    const name = pair.slice(0, eq);
    if (!isProtocolParameter(name)) params.set(rawurldecode(name), rawurldecode(pair.slice(eq + 1)));
  }
  return params;
}
