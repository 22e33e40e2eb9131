import { fromBytes, toBytes } from '@magekit/php';
import { MagentoOAuth } from './magento-oauth';
import { parseMagentoAuthorizationHeader } from './magento-request';
import { OAuth1Error } from './oauth1-error';

const NO_SCHEME_HINT = 'Send `Authorization: OAuth oauth_consumer_key="…", oauth_token="…", …` (Bearer is not OAuth).';

/**
 * The protocol parameters of an `Authorization: OAuth …` header (decoded), read as Magento reads them
 * (`Magento\Framework\Oauth\Helper\Request::_processHeader()`, see `parseMagentoAuthorizationHeader`).
 *
 * @throws OAuth1Error `HEADER_MALFORMED` when the value is not a string or has no `OAuth ` scheme.
 */
export function parseAuthorizationHeader(header: unknown): Record<string, string> {
  if (typeof header !== 'string') {
    const type = header === null ? 'null' : typeof header;
    throw new OAuth1Error(`An Authorization header must be a string, got ${type}.`, 'HEADER_MALFORMED');
  }
  const params = parseMagentoAuthorizationHeader(toBytes(header));
  if (params === null) {
    const message = 'The Authorization header has no "OAuth " scheme: Magento treats the caller as a guest.';
    throw new OAuth1Error(message, 'HEADER_MALFORMED', { hint: NO_SCHEME_HINT });
  }
  const out: Record<string, string> = {};
  for (const [name, value] of params) out[fromBytes(name)] = fromBytes(value);
  return out;
}

/** An `Authorization` header with `oauth-1.0a`'s `toHeader`: `oauth_*` names sorted, `name="value"` rawurlencoded. */
export function formatAuthorizationHeader(params: Readonly<Record<string, string>>): string {
  const bytes: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) bytes[toBytes(name)] = toBytes(String(value));
  return new MagentoOAuth({ profile: 'latest', consumerKey: '', consumerSecret: '' }).formatHeader(bytes);
}
