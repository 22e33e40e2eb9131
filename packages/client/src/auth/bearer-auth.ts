import { MagentoClientError } from '../errors/magento-client-error';
import type { AuthStrategy } from './auth-strategy';

/** A fixed Bearer token. */
export interface BearerOptions {
  token: string;
  /** Whose token it is; default `customer`. */
  tokenType?: 'admin' | 'customer' | 'integration';
  /**
   * Needed for `tokenType: 'integration'`: the store has `oauth/consumer/enable_integration_as_bearer` = 1
   * (default off since 2.4.4, docs/magento-behaviour.md §3.6). A warning is emitted once.
   */
  allowIntegrationBearer?: boolean;
}

/**
 * Sends `Authorization: Bearer <token>`. No refresh: an expired or revoked token makes Magento
 * treat the caller as a guest (401 "The consumer isn't authorized to access %resources.").
 *
 * @throws MagentoClientError `INVALID_INPUT` for an empty token, or an integration token without `allowIntegrationBearer`.
 */
export function createBearerAuth(options: BearerOptions): AuthStrategy {
  if (!options?.token) throw new MagentoClientError('Bearer auth needs a token.', 'INVALID_INPUT');
  const integration = options.tokenType === 'integration';
  if (integration && !options.allowIntegrationBearer) {
    throw new MagentoClientError('Integration tokens are not accepted as Bearer tokens by default.', 'INVALID_INPUT', {
      hint: 'Magento 2.4.4+ refuses them unless Stores > Configuration > Services > OAuth > Consumer Settings > "Allow OAuth Access Tokens to be used as standalone Bearer tokens" is Yes. Use createOAuthAuth, or pass allowIntegrationBearer: true if the store enables it.',
    });
  }
  let warned = false;
  const header = { authorization: `Bearer ${options.token}` };
  return {
    kind: 'bearer',
    authorize(_request, context) {
      if (integration && !warned) {
        warned = true;
        context.emit({
          type: 'warning',
          message:
            'Using an integration access token as a Bearer token: works only while the store enables oauth/consumer/enable_integration_as_bearer; OAuth signing works everywhere.',
        });
      }
      return header;
    },
  };
}

/** Anonymous calls (routes with the `anonymous` resource): no Authorization header. */
export function createGuestAuth(): AuthStrategy {
  return { kind: 'guest', authorize: () => ({}) };
}
