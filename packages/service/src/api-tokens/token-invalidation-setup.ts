import type { MagentoIntegrationOptions } from '@magekit/nest';
import type { ServiceConfig } from '../config/service-config';
import type { ServiceLogger } from '../logging/service-logger';
import { createRedisTokenInvalidationBus, tokenInvalidationChannel } from './redis-token-invalidation-bus';

/** The module's `apiTokens` option and how to close what it holds. */
export interface TokenInvalidationSetup {
  options: Pick<MagentoIntegrationOptions, 'apiTokens'>;
  /** Closes the Redis connections of the invalidation bus (nothing without `REDIS_URL`). */
  close(): Promise<void>;
}

/**
 * With `REDIS_URL`, revocations of admin API tokens reach every instance over Redis pub/sub (one
 * channel per tenant): each evicts the token from its verification cache on delivery. Without it
 * the module's in-process bus is used, and other instances refuse a revoked token once their cache
 * entry expires (the module's `apiTokens.cacheTtlMs`, 5 s).
 */
export function createTokenInvalidationSetup(config: ServiceConfig, logger: ServiceLogger): TokenInvalidationSetup {
  if (!config.redisUrl) return { options: {}, close: async () => undefined };
  const bus = createRedisTokenInvalidationBus({
    url: config.redisUrl,
    channel: tokenInvalidationChannel(config.tenant),
    onError: (error) => logger.warn({ msg: 'Redis error (API token revocations)', error }, 'ApiTokens'),
  });
  return { options: { apiTokens: { invalidation: bus } }, close: () => bus.close() };
}

/** Injection token of the {@link TokenInvalidationSetup}. */
export const TOKEN_INVALIDATION_SETUP = Symbol('TOKEN_INVALIDATION_SETUP');
