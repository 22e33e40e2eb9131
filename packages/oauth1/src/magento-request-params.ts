import { parsePhpQuery, type PhpValue } from './php-parse-str';
import { rawurldecode } from './php-string';

/** Parameters as Magento's request helper collects them: byte-string keys in PHP array order. */
export type MagentoParams = Map<string, PhpValue>;

/** The part of a request that Magento reads besides the URL and the `Authorization` header. */
export interface MagentoRequestBody {
  contentType?: string | null;
  /** The body as a byte string. */
  body?: string | null;
}

const PROTOCOL_PARAMETER = /oauth_[a-z_-]+/;
const OAUTH_SCHEME = 'oauth ';
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
// eslint-disable-next-line no-control-regex -- PHP trim()'s default character list
const PHP_TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;
const QUOTES = /^"+|"+$/g;

/** `Helper\Request::_isProtocolParameter`: the unanchored `/oauth_[a-z_-]+/`. */
export function isProtocolParameter(name: string): boolean {
  return PROTOCOL_PARAMETER.test(name);
}

/** Whether Magento reads this body as parameters: `strpos($contentType, 'application/x-www-form-urlencoded') === 0`. */
export function isFormBody(request: MagentoRequestBody): boolean {
  return request.body !== null && request.body !== undefined && !!request.contentType?.startsWith(FORM_CONTENT_TYPE);
}

/**
 * `Magento\Framework\Oauth\Helper\Request::_processHeader()`: finds `oauth ` (any case) and reads
 * `name=value` pairs split on `,`, keeping names that contain `oauth_…`, rawurldecoding names and
 * values and trimming quotes. Null when the header carries no `OAuth ` scheme (then the request is
 * not OAuth at all). Input and output are byte strings.
 */
export function parseMagentoAuthorizationHeader(header: string | undefined | null): MagentoParams | null {
  const at = header ? header.toLowerCase().indexOf(OAUTH_SCHEME) : -1;
  if (!header || at === -1) return null;
  const params: MagentoParams = new Map();
  for (const part of header.slice(at + OAUTH_SCHEME.length).split(',')) {
    const item = part.replace(PHP_TRIM, '');
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
export function addBodyAndQueryParams(params: MagentoParams, request: MagentoRequestBody, query: string | null): MagentoParams {
  if (isFormBody(request)) {
    const headerGaveNone = params.size === 0;
    for (const [name, value] of parsePhpQuery(request.body as string)) {
      if (headerGaveNone || !isProtocolParameter(name)) params.set(name, value);
    }
  }
  // `if ($queryString)`: PHP's empty string and "0" are false.
  if (!query || query === '0') return params;
  for (const pair of query.split('&')) {
    const pieces = pair.split('=');
    if (pieces.length === 2 && !isProtocolParameter(pieces[0])) params.set(rawurldecode(pieces[0]), rawurldecode(pieces[1]));
  }
  return params;
}
