import { ByteWriter } from './byte-writer';
import { parseMagentoAuthorizationHeader } from './magento-request-params';
import { OAuth1Error } from './oauth1-error';
import { fromBytes, toBytes } from './php-string';

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

// eslint-disable-next-line no-control-regex -- ASCII is the point here
const ASCII = /^[\x00-\x7f]*$/;
const header = new ByteWriter(1024);

/** Writes a value as the header carries it: its UTF-8 bytes, rawurlencoded (what Magento rawurldecodes). */
function writeHeaderValue(value: unknown): void {
  const text = String(value);
  header.encoded(ASCII.test(text) ? text : toBytes(text));
}

/**
 * Formats protocol parameters as an `Authorization` header (`OAuth k="v", …`, values
 * rawurlencoded as UTF-8, `oauth_*` only), in the form `oauth-1.0a`'s `toHeader` gives it:
 * names sorted, each pair as `name="value"`, joined by `, `.
 */
export function formatAuthorizationHeader(params: Readonly<Record<string, string>>): string {
  const names = Object.keys(params).sort();
  header.reset();
  header.latin1('OAuth ');
  for (const name of names) {
    if (name.indexOf('oauth_') !== 0) continue;
    writeHeaderValue(name);
    header.latin1('="');
    writeHeaderValue(params[name]);
    header.latin1('", ');
  }
  // Cut the last separator (as toHeader does, which leaves "OAut" when nothing is sent).
  header.trim(2);
  return header.text();
}
