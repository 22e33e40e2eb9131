import { collectSignedParts } from './base-string';
import { collectOauthOnlyParts } from './oauth-only-parts';
import { toBytes } from './php-string';
import { SIGNATURE_PROFILES } from './profiles';
import { resolveRequestUrl } from './request-url';

const HEADERS: Array<Record<string, string>> = [
  { oauth_consumer_key: 'k'.repeat(32), oauth_nonce: 'n1', oauth_signature_method: 'HMAC-SHA256', oauth_timestamp: '1700000000', oauth_version: '1.0' },
  {
    oauth_consumer_key: toBytes('ké y+/'),
    oauth_nonce: toBytes('a b'),
    oauth_signature_method: 'HMAC-SHA256',
    oauth_timestamp: '12',
    oauth_version: '1.0',
    oauth_token: toBytes('t%é'),
    oauth_verifier: 'v~',
  },
  { oauth_consumer_key: 'c', oauth_nonce: 'n', oauth_signature_method: 'HMAC-SHA1', oauth_timestamp: '0', oauth_token: 'tok' },
];

describe('collectOauthOnlyParts (requests with nothing but protocol parameters)', () => {
  for (const profile of SIGNATURE_PROFILES) {
    it.each(HEADERS.map((header, index) => [index, header] as const))(`gives what the general collection gives (${profile} profile, header %i)`, (_index, header) => {
      const url = resolveRequestUrl('https://Shop.Example.com:443/rest/V1/products/a%2Fb', {});
      const general = collectSignedParts(profile, url, new Map(Object.entries(header)));
      expect(collectOauthOnlyParts(profile, url, header)).toEqual(general);
    });
  }
});
