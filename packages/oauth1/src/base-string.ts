import { buildLaminasBaseUri } from './laminas-url';
import type { MagentoParams } from './magento-request-params';
import { OAuth1Error } from './oauth1-error';
import { PHP_ARRAY, parsePhpQuery } from './php-parse-str';
import { compareEncodedNamesNaturally } from './php-natural-compare';
import { isIntegerArrayKey, rawurlencode, sortPhpKeys } from './php-string';
import type { SignatureProfile } from './profiles';
import type { UrlParts } from './request-url';

/** The signature base string and how it was built. All strings are byte strings. */
export interface BaseStringParts {
  baseString: string;
  /** The URI part (before encoding). */
  baseUri: string;
  /** The normalised parameters, in signing order, encoded as they appear in the base string. */
  encodedPairs: Array<[string, string]>;
}

/** Thrown where Magento itself fails with a PHP error (HTTP 500); the message is PHP's. */
export class PhpRuntimeError extends Error {
  override readonly name = 'PhpRuntimeError';
}

const ARRAY_TYPE_ERROR = 'rawurlencode(): Argument #1 ($string) must be of type string, array given';
const KEPT_ENCODED = new Set(['oauth_consumer_key', 'oauth_consumer_secret', 'oauth_token', 'oauth_token_secret', 'oauth_signature']);

/**
 * The latest line's `Helper\Request::prepareRequest()` re-encoding: every value but the signature
 * is rawurlencoded (a PHP array value is a TypeError → HTTP 500). MAGENTO.md §1.3.
 */
export function encodeLatestRequestParams(params: MagentoParams): MagentoParams {
  const out: MagentoParams = new Map();
  for (const [name, value] of params) {
    if (name === 'oauth_signature') out.set(name, value);
    else if (value === PHP_ARRAY) throw new PhpRuntimeError(ARRAY_TYPE_ERROR);
    else out.set(name, rawurlencode(value));
  }
  return out;
}

/**
 * Base string of the current line (`Helper\Signature\Hmac`) from the parameters the request helper
 * collected: `prepareRequest()` rawurlencodes every value but the signature (an array is a
 * TypeError), `Oauth::processNonRequiredParams()` urldecodes all but the five key/secret/token/
 * signature params — so those five stay encoded and the rest are unchanged, urldecode undoing
 * rawurlencode exactly. Then `parse_str(query)` is merged over them, bracket arrays removed, raw keys
 * `ksort`ed, `rawurlencode(k)=rawurlencode(v)` joined. MAGENTO.md §1.3–§1.4.
 */
export function buildLatestBaseString(method: string, url: UrlParts, collected: MagentoParams): BaseStringParts {
  const params: MagentoParams = new Map();
  for (const [name, value] of collected) {
    if (value === PHP_ARRAY && name !== 'oauth_signature') throw new PhpRuntimeError(ARRAY_TYPE_ERROR);
    params.set(name, KEPT_ENCODED.has(name) && name !== 'oauth_signature' && value !== PHP_ARRAY ? rawurlencode(value) : value);
  }
  if (url.query !== null) for (const [name, value] of parsePhpQuery(url.query)) params.set(name, value);
  for (const name of params.keys()) {
    if (isIntegerArrayKey(name)) throw new PhpRuntimeError('str_contains(): Argument #1 ($haystack) must be of type string, int given');
  }
  for (const name of [...params.keys()]) {
    const open = name.indexOf('[');
    if (open !== -1 && name.includes(']') && params.get(name.slice(0, open)) === PHP_ARRAY) params.delete(name.slice(0, open));
  }
  const names = sortPhpKeys([...params.keys()]);
  const encodedPairs: Array<[string, string]> = [];
  for (const name of names) {
    const value = params.get(name);
    if (name === 'oauth_signature' || value === PHP_ARRAY || value === undefined) continue;
    encodedPairs.push([rawurlencode(name), rawurlencode(value)]);
  }
  const baseUri = `${url.scheme}://${url.authority}${url.path}`;
  return { baseString: assemble(method, baseUri, encodedPairs), baseUri, encodedPairs };
}

/**
 * Base string of 2.4.4–2.4.6 (`Laminas\OAuth\Signature\AbstractSignature`): values encoded as
 * collected (an array value is the string `Array`), keys ordered with `strnatcmp`, URI normalised by
 * Laminas (lower-case host, default port dropped, `%2F` decoded), query dropped. MAGENTO.md §1.4.
 */
export function buildLaminasBaseString(method: string, url: UrlParts, params: MagentoParams): BaseStringParts {
  const encodedPairs: Array<[string, string]> = [];
  for (const [name, value] of params) {
    if (name === 'oauth_signature') continue;
    encodedPairs.push([rawurlencode(name), rawurlencode(value === PHP_ARRAY ? 'Array' : value)]);
  }
  encodedPairs.sort((a, b) => compareEncodedNamesNaturally(a[0], b[0]));
  const baseUri = buildLaminasBaseUri(url.scheme, url.authority, url.path);
  return { baseString: assemble(method, baseUri, encodedPairs), baseUri, encodedPairs };
}

/** Base string for a profile, from the parameters Magento's request helper collected. */
export function buildBaseString(profile: SignatureProfile, method: string, url: UrlParts, params: MagentoParams): BaseStringParts {
  if (profile === 'latest') return buildLatestBaseString(method, url, params);
  if (profile === 'laminas') return buildLaminasBaseString(method, url, params);
  throw new OAuth1Error(`Unknown signature profile "${String(profile)}".`, 'INVALID_INPUT', {
    hint: 'Use "latest" (Magento 2.4.7+/2.4-develop) or "laminas" (Magento 2.4.4–2.4.6).',
  });
}

function assemble(method: string, baseUri: string, pairs: Array<[string, string]>): string {
  // rawurlencode("k=v&k=v") of already-encoded pairs: only "%", "=" and "&" need encoding again.
  let joined = '';
  for (let i = 0; i < pairs.length; i++) {
    const [name, value] = pairs[i];
    joined += (i === 0 ? '' : '%26') + reencode(name) + '%3D' + reencode(value);
  }
  return `${method.toUpperCase()}&${rawurlencode(baseUri)}&${joined}`;
}

function reencode(encoded: string): string {
  return encoded.includes('%') ? encoded.replace(/%/g, '%25') : encoded;
}
