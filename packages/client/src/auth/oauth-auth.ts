import { signRequest } from '@magekit/oauth1';
import { MagentoClientError } from '../errors/magento-client-error';
import type { AuthStrategy } from './auth-strategy';

/** An integration's OAuth credentials (from the activation handshake). */
export interface OAuthCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
}

/**
 * Integration OAuth 1.0a: every attempt is signed with HMAC-SHA256 in the store's profile, with a
 * fresh nonce and timestamp (Magento stores every nonce, even of rejected requests: docs/magento-behaviour.md §1.2,
 * §1.5). The default for integrations: Bearer use of integration tokens is off since 2.4.4 (§3.6).
 *
 * @throws MagentoClientError `INVALID_INPUT` when a credential is missing.
 */
export function createOAuthAuth(credentials: OAuthCredentials): AuthStrategy {
  const missing = (['consumerKey', 'consumerSecret', 'accessToken', 'accessTokenSecret'] as const).filter(
    (name) => !credentials?.[name],
  );
  if (missing.length > 0)
    throw new MagentoClientError(`OAuth credentials are missing ${missing.join(', ')}.`, 'INVALID_INPUT');
  const { consumerKey, consumerSecret, accessToken, accessTokenSecret } = credentials;
  return {
    kind: 'oauth',
    authorize(request, context) {
      const signed = signRequest(
        {
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: request.body,
          consumerKey,
          consumerSecret,
          token: accessToken,
          tokenSecret: accessTokenSecret,
          profile: context.profile,
        },
        { clock: context.clock, randomBytes: context.randomBytes },
      );
      return { authorization: signed.authorization };
    },
  };
}
