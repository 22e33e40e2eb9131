import { parseMagentoAuthorizationHeader } from './magento-request-params';
import { OAuth1Error } from './oauth1-error';
import { fromBytes, rawurlencode, toBytes } from './php-string';

/**
 * Parses an `Authorization: OAuth …` header the way Magento does (MAGENTO.md §1.3): the scheme is
 * found case-insensitively anywhere, pairs are split on `,` and the first `=`, quotes are optional,
 * names must contain `oauth_<a-z_->`, names and values are rawurldecoded, `realm` is ignored.
 *
 * @returns the protocol parameters, decoded.
 * @throws OAuth1Error `HEADER_MALFORMED` when the value is not a string or has no `OAuth ` scheme.
 */
export function parseAuthorizationHeader(header: unknown): Record<string, string> {
  if (typeof header !== 'string') {
    throw new OAuth1Error(`An Authorization header must be a string, got ${header === null ? 'null' : typeof header}.`, 'HEADER_MALFORMED');
  }
  const params = parseMagentoAuthorizationHeader(toBytes(header));
  if (params === null) {
    throw new OAuth1Error('The Authorization header has no "OAuth " scheme: Magento treats the caller as a guest.', 'HEADER_MALFORMED', {
      hint: 'Send `Authorization: OAuth oauth_consumer_key="…", oauth_token="…", …` (a Bearer token is a different mechanism).',
    });
  }
  const out: Record<string, string> = {};
  for (const [name, value] of params) out[fromBytes(name)] = fromBytes(value as string);
  return out;
}

const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;

/** A name or value as the header carries it: its UTF-8 bytes, rawurlencoded (what Magento rawurldecodes). */
function encodeHeaderValue(value: unknown): string {
  const text = String(value);
  return UNRESERVED_ONLY.test(text) ? text : rawurlencode(toBytes(text));
}

/** The protocol parameters signRequest sends, in sorted order (all unreserved, so sent as they are). */
const USUAL_NAMES = ['oauth_consumer_key', 'oauth_nonce', 'oauth_signature', 'oauth_signature_method', 'oauth_timestamp', 'oauth_token', 'oauth_verifier', 'oauth_version'];
const USUAL_INDEX = new Map(USUAL_NAMES.map((name, index) => [name, index]));

/** Bits for {@link formatSignedAuthorizationHeader}'s `trusted`: values known to be unreserved ASCII (the signature: base64). */
export const TRUSTED_NONCE = 1 << 1;
export const TRUSTED_BASE64_SIGNATURE = 1 << 2;
export const TRUSTED_SIGNATURE_METHOD = 1 << 3;
export const TRUSTED_VERSION = 1 << 7;

/**
 * Formats protocol parameters as an `Authorization` header (`OAuth k="v", …`, values
 * rawurlencoded as UTF-8, `oauth_*` only), in the form `oauth-1.0a`'s `toHeader` gives it:
 * names sorted, each pair as `name="value"`, joined by `, `.
 */
export function formatAuthorizationHeader(params: Readonly<Record<string, string>>): string {
  return formatSignedAuthorizationHeader(params, 0);
}

function field(name: string, value: unknown, trusted: boolean): string {
  return name + '="' + (trusted ? (value as string) : encodeHeaderValue(value)) + '", ';
}

/**
 * {@link formatAuthorizationHeader} for a signer that knows some values need no encoding (bits of
 * `trusted`: a generated nonce, the signature method, the default version), which are sent as they are,
 * and that its signature is base64 (of which only `+`, `/` and `=` are encoded).
 */
export function formatSignedAuthorizationHeader(params: Readonly<Record<string, string>>, trusted: number): string {
  const names = Object.keys(params);
  // The usual names need neither sorting (their sorted order is known) nor encoding.
  let present = 0;
  for (const name of names) {
    const index = USUAL_INDEX.get(name);
    if (index === undefined) return formatAnyHeader(params, names);
    present |= 1 << index;
  }
  let header = 'OAuth ';
  if (present & 1) header += field('oauth_consumer_key', params.oauth_consumer_key, false);
  if (present & 2) header += field('oauth_nonce', params.oauth_nonce, (trusted & 2) !== 0);
  if (present & 4) {
    const signature = params.oauth_signature;
    header += (trusted & 4) !== 0 ? 'oauth_signature="' + encodeBase64(signature) + '", ' : field('oauth_signature', signature, false);
  }
  if (present & 8) header += field('oauth_signature_method', params.oauth_signature_method, (trusted & 8) !== 0);
  if (present & 16) header += field('oauth_timestamp', params.oauth_timestamp, false);
  if (present & 32) header += field('oauth_token', params.oauth_token, false);
  if (present & 64) header += field('oauth_verifier', params.oauth_verifier, false);
  if (present & 128) header += field('oauth_version', params.oauth_version, (trusted & 128) !== 0);
  return header.substring(0, header.length - 2);
}

/** rawurlencode of base64 text: only `+`, `/` and `=` need encoding (as %2B, %2F, %3D). */
function encodeBase64(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 43 && code !== 47 && code !== 61) continue;
    out += text.slice(last, i) + (code === 43 ? '%2B' : code === 47 ? '%2F' : '%3D');
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

function formatAnyHeader(params: Readonly<Record<string, string>>, names: string[]): string {
  names.sort();
  let header = 'OAuth ';
  for (const name of names) {
    if (name.indexOf('oauth_') !== 0) continue;
    header += encodeHeaderValue(name) + '="' + encodeHeaderValue(params[name]) + '", ';
  }
  // Cut the last separator (as toHeader does, which leaves "OAut" when nothing is sent).
  return header.substring(0, header.length - 2);
}
