import { baseStringText, writeBaseString } from './base-string-writer';
import { buildLaminasBaseUri } from './laminas-url';
import type { MagentoParams } from './magento-request-params';
import { OAuth1Error } from './oauth1-error';
import { PHP_ARRAY, parsePhpQuery } from './php-parse-str';
import { encodedNaturalSortKey } from './natural-sort-key';
import { compareEncodedNamesNaturally } from './php-natural-compare';
import { isIntegerArrayKey, rawurlencode, sortPhpKeys } from './php-string';
import type { SignatureProfile } from './profiles';
import { parsePhpQuerySegments, type QuerySegment } from './query-segments';
import type { UrlParts } from './request-url';

/** The signature base string and how it was built. All strings are byte strings. */
export interface BaseStringParts {
  baseString: string;
  /** The URI part (before encoding). */
  baseUri: string;
  /** The normalised parameters, in signing order, encoded as they appear in the base string. */
  encodedPairs: Array<[string, string]>;
}

/** What goes into a base string: the URI and the signed parameters (raw bytes) in signing order. */
export interface SignedParts {
  baseUri: string;
  /** Names and values, flat: `[name0, value0, name1, value1, …]`. */
  pairs: string[];
}

/** Thrown where Magento itself fails with a PHP error (HTTP 500); the message is PHP's. */
export class PhpRuntimeError extends Error {
  override readonly name = 'PhpRuntimeError';
}

const ARRAY_TYPE_ERROR = 'rawurlencode(): Argument #1 ($string) must be of type string, array given';
/** The names `processNonRequiredParams()` keeps encoded, but for the signature (which prepareRequest leaves as it is). */
const RE_ENCODED = ['oauth_consumer_key', 'oauth_consumer_secret', 'oauth_token', 'oauth_token_secret'];

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
 * The signed parts of the current line (`Helper\Signature\Hmac`) from the parameters the request
 * helper collected: `prepareRequest()` rawurlencodes every value but the signature (an array is a
 * TypeError), `Oauth::processNonRequiredParams()` urldecodes all but the five key/secret/token/
 * signature params — so those five stay encoded and the rest are unchanged, urldecode undoing
 * rawurlencode exactly. Then `parse_str(query)` is merged over them, bracket arrays removed, raw keys
 * `ksort`ed. MAGENTO.md §1.3–§1.4.
 */
export function collectLatestParts(url: UrlParts, collected: MagentoParams): SignedParts {
  return collectLatestPartsInPlace(url, new Map(collected));
}

/** {@link collectLatestParts} on parameters the caller gives up: `params` is re-encoded and merged in place. */
export function collectLatestPartsInPlace(url: UrlParts, params: MagentoParams, segments?: readonly QuerySegment[] | null): SignedParts {
  const merging = segments !== null && segments !== undefined ? segments.length > 0 : url.query !== null;
  // Without a query to merge, one pass finds both errors (the array one is raised first, as in Magento).
  let integerKey = false;
  for (const [name, value] of params) {
    if (value === PHP_ARRAY && name !== 'oauth_signature') throw new PhpRuntimeError(ARRAY_TYPE_ERROR);
    if (!merging && !integerKey) integerKey = isIntegerArrayKey(name);
  }
  // Setting an existing key keeps its position: the same as re-encoding while copying.
  for (const name of RE_ENCODED) {
    const value = params.get(name);
    if (value === undefined) continue;
    const encoded = rawurlencode(value as string);
    if (encoded !== value) params.set(name, encoded);
  }
  let hasArray = false;
  if (merging) {
    if (segments) parsePhpQuerySegments(segments, params);
    else parsePhpQuery(url.query as string, params);
    for (const [name, value] of params) {
      if (!integerKey) integerKey = isIntegerArrayKey(name);
      if (value === PHP_ARRAY) hasArray = true;
    }
  } else {
    hasArray = params.get('oauth_signature') === PHP_ARRAY;
  }
  if (integerKey) throw new PhpRuntimeError('str_contains(): Argument #1 ($haystack) must be of type string, int given');
  // Only an array-valued key can be removed, and such keys hold no "[" (parse_str cuts names there).
  if (hasArray) {
    for (const name of params.keys()) {
      const open = name.indexOf('[');
      if (open !== -1 && name.includes(']') && params.get(name.slice(0, open)) === PHP_ARRAY) params.delete(name.slice(0, open));
    }
  }
  const names = sortPhpKeys([...params.keys()]);
  const pairs: string[] = [];
  for (const name of names) {
    const value = params.get(name);
    if (name === 'oauth_signature' || value === PHP_ARRAY || value === undefined) continue;
    pairs.push(name, value);
  }
  return { baseUri: `${url.scheme}://${url.authority}${url.path}`, pairs };
}

interface LaminasEntry {
  name: string;
  value: string;
  /** The natural sort key of the encoded name (null when it has none). */
  key: string | null;
  /** The encoded name, for sorting with strnatcmp itself (only when some name has no key). */
  encodedName: string;
}

function byEncodedName(a: LaminasEntry, b: LaminasEntry): number {
  return compareEncodedNamesNaturally(a.encodedName, b.encodedName);
}

function byKey(a: LaminasEntry, b: LaminasEntry): number {
  const x = a.key as string;
  const y = b.key as string;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A stable sort by key: insertion sort for the few entries of most requests, Array#sort (stable) beyond. */
function sortByKey(entries: LaminasEntry[]): void {
  if (entries.length > 16) {
    entries.sort(byKey);
    return;
  }
  for (let i = 1; i < entries.length; i++) {
    const current = entries[i];
    const key = current.key as string;
    let j = i - 1;
    while (j >= 0 && (entries[j].key as string) > key) {
      entries[j + 1] = entries[j];
      j--;
    }
    entries[j + 1] = current;
  }
}

/**
 * The signed parts of 2.4.4–2.4.6 (`Laminas\OAuth\Signature\AbstractSignature`): values as
 * collected (an array value is the string `Array`), keys ordered with `strnatcmp` on their encoded
 * form, URI normalised by Laminas (lower-case host, default port dropped, `%2F` decoded), query
 * dropped. MAGENTO.md §1.4.
 */
export function collectLaminasParts(url: UrlParts, params: MagentoParams): SignedParts {
  const entries: LaminasEntry[] = [];
  let keyed = true;
  for (const [name, value] of params) {
    if (name === 'oauth_signature') continue;
    const key = encodedNaturalSortKey(name);
    if (key === null) keyed = false;
    entries.push({ name, value: value === PHP_ARRAY ? 'Array' : value, key, encodedName: '' });
  }
  if (keyed) {
    // Comparing natural sort keys gives every comparison the result strnatcmp gives, hence the same order.
    sortByKey(entries);
  } else {
    for (const entry of entries) entry.encodedName = rawurlencode(entry.name);
    entries.sort(byEncodedName);
  }
  const pairs: string[] = [];
  for (const entry of entries) pairs.push(entry.name, entry.value);
  return { baseUri: buildLaminasBaseUri(url.scheme, url.authority, url.path), pairs };
}

/**
 * The signed parts for a profile. With `inPlace`, `params` may be changed (the caller gives it up);
 * `segments` are `splitQuery(url.query)` when the caller has them.
 */
export function collectSignedParts(
  profile: SignatureProfile,
  url: UrlParts,
  params: MagentoParams,
  inPlace = false,
  segments?: readonly QuerySegment[] | null,
): SignedParts {
  if (profile === 'latest') return inPlace ? collectLatestPartsInPlace(url, params, segments) : collectLatestParts(url, params);
  if (profile === 'laminas') return collectLaminasParts(url, params);
  throw new OAuth1Error(`Unknown signature profile "${String(profile)}".`, 'INVALID_INPUT', {
    hint: 'Use "latest" (Magento 2.4.7+/2.4-develop) or "laminas" (Magento 2.4.4–2.4.6).',
  });
}

function toBaseStringParts(method: string, parts: SignedParts): BaseStringParts {
  writeBaseString(method, parts.baseUri, parts.pairs);
  const encodedPairs: Array<[string, string]> = [];
  for (let i = 0; i < parts.pairs.length; i += 2) encodedPairs.push([rawurlencode(parts.pairs[i]), rawurlencode(parts.pairs[i + 1])]);
  return { baseString: baseStringText(), baseUri: parts.baseUri, encodedPairs };
}

/** Base string of the current line; see {@link collectLatestParts}. */
export function buildLatestBaseString(method: string, url: UrlParts, collected: MagentoParams): BaseStringParts {
  return toBaseStringParts(method, collectLatestParts(url, collected));
}

/** Base string of 2.4.4–2.4.6; see {@link collectLaminasParts}. */
export function buildLaminasBaseString(method: string, url: UrlParts, params: MagentoParams): BaseStringParts {
  return toBaseStringParts(method, collectLaminasParts(url, params));
}

/** Base string for a profile, from the parameters Magento's request helper collected. */
export function buildBaseString(profile: SignatureProfile, method: string, url: UrlParts, params: MagentoParams): BaseStringParts {
  return toBaseStringParts(method, collectSignedParts(profile, url, params));
}
