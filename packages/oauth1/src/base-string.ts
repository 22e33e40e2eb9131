import { isIntegerKey, ksort, parseStrTopLevel, PHP_ARRAY, rawurlencode, strnatcmp } from '@magekit/php';
import { buildLaminasBaseUri } from './laminas-url';
import { rejectPhpError } from './magento-problems';
import type { MagentoParams, UrlParts } from './magento-request';
import type { SignatureProfile } from './profiles';

/** One signed parameter: name and value as byte strings. */
export type SignedPair = readonly [name: string, value: string];

const SIGNATURE = 'oauth_signature';
/** What PHP prints for an array value (Laminas signs it as this string). */
const PHP_ARRAY_STRING = 'Array';
const ARRAY_VALUE_ERROR = 'rawurlencode(): Argument #1 ($string) must be of type string, array given';
const INTEGER_KEY_ERROR = 'str_contains(): Argument #1 ($haystack) must be of type string, int given';
/** The values `Oauth::processNonRequiredParams()` does not urldecode, so they stay rawurlencoded. */
const KEPT_ENCODED = ['oauth_consumer_key', 'oauth_consumer_secret', 'oauth_token', 'oauth_token_secret'];

/** `prepareRequest()` rawurlencodes every value but the signature: a PHP array is a TypeError (HTTP 500). */
function rejectArrayValues(params: MagentoParams): void {
  for (const [name, value] of params) {
    if (value === PHP_ARRAY && name !== SIGNATURE) throw rejectPhpError(ARRAY_VALUE_ERROR);
  }
}

/**
 * The latest line's `Magento\Framework\Oauth\Helper\Request::prepareRequest()` re-encoding: every
 * value but the signature is rawurlencoded (a PHP array value is a TypeError, HTTP 500).
 */
export function encodeLatestRequestParams(params: MagentoParams): Map<string, string> {
  rejectArrayValues(params);
  const encoded = new Map<string, string>();
  for (const [name, value] of params) {
    if (value !== PHP_ARRAY) encoded.set(name, name === SIGNATURE ? value : rawurlencode(value));
  }
  return encoded;
}

/**
 * The signed parameters of the current line (`Magento\Framework\Oauth\Helper\Signature\Hmac`),
 * from what the request helper collected: `prepareRequest()` rawurlencodes every value and
 * `Oauth::processNonRequiredParams()` urldecodes all but the key, secret and token ones, so those
 * stay encoded and the rest are unchanged. Then `parse_str(query)` is merged over them (an integer
 * key is a TypeError), array entries are dropped (`removeNestedArrays`) and the names `ksort`ed.
 */
function collectLatestPairs(url: UrlParts, collected: MagentoParams): SignedPair[] {
  rejectArrayValues(collected);
  const params = new Map(collected);
  for (const name of KEPT_ENCODED) {
    const value = params.get(name);
    if (typeof value === 'string') params.set(name, rawurlencode(value));
  }
  if (url.query !== null) parseStrTopLevel(url.query, params);
  const names = [...params.keys()];
  if (names.some(isIntegerKey)) throw rejectPhpError(INTEGER_KEY_ERROR);
  const pairs: SignedPair[] = [];
  for (const name of ksort(names)) {
    const value = params.get(name);
    if (name !== SIGNATURE && typeof value === 'string') pairs.push([name, value]);
  }
  return pairs;
}

/**
 * The signed parameters of 2.4.4–2.4.6 (`Laminas\OAuth\Signature\AbstractSignature`): values as collected (an
 * array is the string `Array`), the query dropped, names ordered by `strnatcmp` of their rawurlencoded form.
 */
function collectLaminasPairs(collected: MagentoParams): SignedPair[] {
  const entries: Array<{ pair: SignedPair; sortKey: string }> = [];
  for (const [name, value] of collected) {
    if (name === SIGNATURE) continue;
    entries.push({ pair: [name, value === PHP_ARRAY ? PHP_ARRAY_STRING : value], sortKey: rawurlencode(name) });
  }
  return entries.sort((a, b) => strnatcmp(a.sortKey, b.sortKey)).map((entry) => entry.pair);
}

/**
 * The parameters a profile signs, in order, from what Magento's request helper collected (header, form body, query).
 * @throws MagentoRejection of a PHP error where Magento itself fails (the latest line on arrays and integer keys).
 */
export function collectSignedPairs(profile: SignatureProfile, url: UrlParts, collected: MagentoParams): SignedPair[] {
  return profile === 'latest' ? collectLatestPairs(url, collected) : collectLaminasPairs(collected);
}

/**
 * The URI part of the base string: verbatim on the latest line (`Helper\Signature\Hmac`: scheme,
 * host, port if present, path as received); normalised by `Laminas\Uri` on 2.4.4–2.4.6.
 */
export function normaliseBaseUri(profile: SignatureProfile, url: UrlParts): string {
  if (profile === 'laminas') return buildLaminasBaseUri(url.scheme, url.authority, url.path);
  return `${url.scheme}://${url.authority}${url.path}`;
}

/** The parameter string: `rawurlencode(name)=rawurlencode(value)` joined by `&`. */
export function formatParameterString(pairs: readonly SignedPair[]): string {
  return pairs.map(([name, value]) => `${rawurlencode(name)}=${rawurlencode(value)}`).join('&');
}

const ENCODED_EQUALS = '%3D';
const ENCODED_AMPERSAND = '%26';
const PERCENT = /%/g;

/** `rawurlencode(rawurlencode(bytes))`: the first encoding's escapes have their `%` encoded as `%25`. */
function encodeTwice(bytes: string): string {
  const once = rawurlencode(bytes);
  return once.includes('%') ? once.replace(PERCENT, '%25') : once;
}

/** `rawurlencode(formatParameterString(pairs))`, the base string's last part, built pair by pair. */
export function encodeParameterString(pairs: readonly SignedPair[]): string {
  let encoded = '';
  for (const [name, value] of pairs) {
    encoded += (encoded === '' ? '' : ENCODED_AMPERSAND) + encodeTwice(name) + ENCODED_EQUALS + encodeTwice(value);
  }
  return encoded;
}
