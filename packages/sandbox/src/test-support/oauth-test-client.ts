import { createHmac, randomBytes } from 'node:crypto';
import { rawurlencode, toBytes } from '@magekit/php';

/** RFC 3986 encoding of text's UTF-8 bytes (PHP's rawurlencode). */
export function rfc3986(value: string): string {
  return rawurlencode(toBytes(value));
}

export interface TestCredentials {
  consumerKey: string;
  consumerSecret: string;
  token?: string;
  tokenSecret?: string;
  verifier?: string;
}

/**
 * A deliberately small OAuth 1.0a HMAC-SHA256 signer written for the tests (RFC 5849 §3.4), independent
 * of @magekit/oauth1, so the sandbox is proven against a client that is not its own verifier.
 */
export function signForTest(
  method: string,
  url: string,
  creds: TestCredentials,
  options: { timestamp?: number; nonce?: string } = {},
): string {
  const parsed = new URL(url);
  const oauth: Record<string, string> = {
    oauth_consumer_key: creds.consumerKey,
    oauth_nonce: options.nonce ?? randomBytes(12).toString('hex'),
    oauth_signature_method: 'HMAC-SHA256',
    oauth_timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_version: '1.0',
  };
  if (creds.token) oauth['oauth_token'] = creds.token;
  if (creds.verifier) oauth['oauth_verifier'] = creds.verifier;
  const pairs: Array<[string, string]> = Object.entries(oauth);
  for (const [name, value] of parsed.searchParams) pairs.push([name, value]);
  const normalized = pairs
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const baseUrl = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  const base = [method.toUpperCase(), rfc3986(baseUrl), rfc3986(normalized)].join('&');
  const key = `${rfc3986(creds.consumerSecret)}&${rfc3986(creds.tokenSecret ?? '')}`;
  oauth['oauth_signature'] = createHmac('sha256', key).update(base).digest('base64');
  return (
    'OAuth ' +
    Object.entries(oauth)
      .map(([k, v]) => `${k}="${rfc3986(v)}"`)
      .join(', ')
  );
}

/** Parses `a=b&c=d` token-endpoint bodies. */
export function parseTokenBody(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
