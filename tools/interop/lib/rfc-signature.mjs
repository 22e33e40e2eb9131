// An independent RFC 5849 check of what a client sent (node:crypto only, none of magekit's OAuth
// code): is `oauth_signature` the HMAC of the request as it went over the wire? For an ordinary
// request this is how Magento's current line builds its base string (docs/magento-behaviour.md §1.4:
// the URL as received, query and header parameters sorted, JSON bodies unsigned).
import { createHmac } from 'node:crypto';

/** RFC 3986 percent-encoding (`rawurlencode`). */
export function percentEncode(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Form decoding of a query part (RFC 5849 §3.4.1.3.1: `+` is a space). */
function formDecode(value) {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/** `OAuth k="v", …` → `{k: v}` (percent-decoded, `realm` left out). */
export function parseOAuthHeader(header) {
  const params = {};
  for (const part of header.replace(/^\s*OAuth\s+/i, '').split(',')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const key = decodeURIComponent(part.slice(0, at).trim());
    if (key !== 'realm')
      params[key] = decodeURIComponent(
        part
          .slice(at + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      );
  }
  return params;
}

/** The query of a URL as name/value pairs, split on `&` and the first `=`, form-decoded. */
export function queryPairs(url) {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [formDecode(part), ''] : [formDecode(part.slice(0, at)), formDecode(part.slice(at + 1))];
    });
}

/** The RFC 5849 §3.4.1 base string of a request sent to `url` with these OAuth parameters. */
export function rfcBaseString(method, url, oauth) {
  const { protocol, host, pathname } = new URL(url);
  // The path exactly as sent: WHATWG URL keeps percent-escapes such as %2F as they are.
  const pairs = [...queryPairs(url), ...Object.entries(oauth).filter(([key]) => key !== 'oauth_signature')]
    .map(([key, value]) => [percentEncode(key), percentEncode(value)])
    .sort(([k1, v1], [k2, v2]) => (k1 === k2 ? compare(v1, v2) : compare(k1, k2)));
  const params = pairs.map(([key, value]) => `${key}=${value}`).join('&');
  return `${method.toUpperCase()}&${percentEncode(`${protocol}//${host}${pathname}`)}&${percentEncode(params)}`;
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

const HASHES = { 'HMAC-SHA256': 'sha256', 'HMAC-SHA1': 'sha1' };

/**
 * Whether the request carries a correct RFC 5849 signature made with these credentials.
 * @returns {{ method: string, valid: boolean }} the signature method and the verdict
 */
export function checkRfcSignature(wire, credentials) {
  const oauth = parseOAuthHeader(wire.authorization ?? '');
  const method = oauth.oauth_signature_method ?? '(none)';
  const hash = HASHES[method];
  if (hash === undefined) return { method, valid: false };
  const key = `${percentEncode(credentials.consumerSecret)}&${percentEncode(credentials.accessTokenSecret)}`;
  const expected = createHmac(hash, key)
    .update(rfcBaseString(wire.method, wire.url, oauth))
    .digest('base64');
  return { method, valid: expected === oauth.oauth_signature };
}
