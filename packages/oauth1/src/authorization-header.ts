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

/**
 * Formats protocol parameters as an `Authorization` header (`OAuth k="v", …`, values
 * rawurlencoded as UTF-8, `oauth_*` only), in the form `oauth-1.0a`'s `toHeader` gives it:
 * names sorted, each pair as `name="value"`, joined by `, `.
 */
export function formatAuthorizationHeader(params: Readonly<Record<string, string>>): string {
  const names = Object.keys(params);
  // The usual names need neither sorting (their sorted order is known) nor encoding.
  let present = 0;
  for (const name of names) {
    const index = USUAL_INDEX.get(name);
    if (index === undefined) return formatAnyHeader(params, names);
    present |= 1 << index;
  }
  let header = 'OAuth ';
  for (let index = 0; index < USUAL_NAMES.length; index++) {
    if ((present & (1 << index)) === 0) continue;
    const name = USUAL_NAMES[index];
    header += name + '="' + encodeHeaderValue(params[name]) + '", ';
  }
  return header.substring(0, header.length - 2);
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
