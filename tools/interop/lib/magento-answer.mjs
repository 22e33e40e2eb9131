// What Magento answers a request as it was sent, for the checks these calls can reach, from
// docs/magento-behaviour.md and the Magento classes it cites. It assumes what the run sets up: an
// active integration with all resources, valid tokens, fresh nonces, the seeded catalog.
import { checkRfcSignature, queryPairs } from './rfc-signature.mjs';

const INVALID = 'The signature is invalid';

/**
 * @param call the call (anonymous route? asynchronous?)
 * @param wire the request as sent: method, url, authorization
 * @param signatureProfile 'latest' (2.4.7+) or 'laminas' (2.4.4–2.4.6)
 * @returns {{status: number, text: string, basis: string}}
 */
export function magentoAnswer(call, wire, signatureProfile, credentials) {
  const success = { status: call.async ? 202 : 200, text: call.async ? 'bulk_uuid' : 'ok', basis: '' };
  if (call.anonymous) {
    // Webapi/Model/Plugin/GuestAuthorization.php: allowed before any user context is read.
    return { ...success, basis: '§4.4, §9.1: anonymous route, the signature is never checked' };
  }
  const signature = checkRfcSignature(wire, credentials);
  if (signature.method !== 'HMAC-SHA256') {
    // Framework/Oauth/Oauth.php getSupportedSignatureMethods(): [HMAC-SHA256] since 2.4.4.
    return {
      status: 400,
      text: `Signature method ${signature.method} is not supported`,
      basis: '§1.1: only HMAC-SHA256 since 2.4.4 (OauthInputException, 400)',
    };
  }
  if (!signature.valid) return { status: 401, text: INVALID, basis: '§1.4: not an RFC 5849 signature of the request' };
  const pairs = queryPairs(wire.url);
  if (new Set(pairs.map(([key]) => key)).size !== pairs.length) {
    return { status: 401, text: INVALID, basis: '§1.4: repeated query keys are signed with the last value' };
  }
  if (signatureProfile === 'laminas') {
    const quirk = laminasQuirk(wire.url);
    if (quirk !== null) return { status: 401, text: INVALID, basis: quirk };
  }
  return success;
}

/** Where 2.4.4–2.4.6 (Laminas\OAuth) signs a request differently from RFC 5849, or null. */
function laminasQuirk(url) {
  const { pathname } = new URL(url);
  if (/%2F|%2B|%26/i.test(pathname)) {
    return '§1.4, §7: 2.4.4–2.4.6 decodes %2F in the path before signing (Laminas\\Uri normalize(), magento/magento2#37830)';
  }
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  for (const part of query.split('&').filter((item) => item !== '')) {
    const at = part.indexOf('=');
    if (at < 0) return '§7: 2.4.4–2.4.6 drops a query key without `=`';
    if (part.slice(at + 1).includes('=')) return '§7: 2.4.4–2.4.6 signs a raw `=` in a query value differently';
    if (part.includes('+')) return '§7: 2.4.4–2.4.6 signs `+` in the query differently';
  }
  // Not modelled: natural key order (strnatcmp), which differs from byte order only for names with
  // digits (searchCriteria[filter_groups][10]…); none of these calls has such a name.
  return null;
}
