import type { SignedParts } from './base-string';
import { buildLaminasBaseUri } from './laminas-url';
import { rawurlencode } from './php-string';
import type { SignatureProfile } from './profiles';
import type { UrlParts } from './request-url';

/**
 * The protocol parameters signRequest sends, in byte order — which is also their natural order,
 * as none of their names holds a digit. A request carrying nothing else is signed over them alone.
 */
const SORTED_NAMES = ['oauth_consumer_key', 'oauth_nonce', 'oauth_signature_method', 'oauth_timestamp', 'oauth_token', 'oauth_verifier', 'oauth_version'];

/** The values the latest line keeps encoded (`processNonRequiredParams`), among those names. */
const KEPT_ENCODED = new Set(['oauth_consumer_key', 'oauth_token']);

/**
 * The signed parts of a request whose only parameters are its protocol parameters (no query, no
 * form body, no extra `oauth_*` names): what `collectSignedParts` gives for it, without a parameter
 * map or a sort. Nothing here can fail the way Magento does (no arrays, no numeric keys).
 *
 * @param header the protocol parameters as Magento reads them from the header (byte strings),
 *   the signature not yet among them.
 */
export function collectOauthOnlyParts(profile: SignatureProfile, url: UrlParts, header: Readonly<Record<string, string>>): SignedParts {
  const pairs: string[] = [];
  const latest = profile === 'latest';
  for (const name of SORTED_NAMES) {
    const value = header[name];
    if (value === undefined) continue;
    pairs.push(name, latest && KEPT_ENCODED.has(name) ? rawurlencode(value) : value);
  }
  const baseUri = latest ? `${url.scheme}://${url.authority}${url.path}` : buildLaminasBaseUri(url.scheme, url.authority, url.path);
  return { baseUri, pairs };
}
