import { createRedisTokenInvalidationBus, tokenInvalidationChannel } from '@magekit/service/settings';
import type { ServiceFlags } from './service-flags';
import { readServiceRedis } from './service-settings';

/** Tells running service instances about revoked API tokens over the service's Redis. */
export interface RevocationNotice {
  /** For `revokeApiToken`: publishes the ids, keeping a failure instead of throwing it (the revocation is stored already). */
  invalidation: { publish(tokenIds: readonly string[]): Promise<void> };
  /** Null when the ids were published (or nothing was), else why not. */
  failure(): string | null;
  close(): Promise<void>;
}

/**
 * With `REDIS_URL` (as the service has it), a notice over the channel of the service's tenant, so
 * that every running instance drops the revoked tokens from its cache on delivery; null without it
 * (instances then refuse a revoked token once their cache entry expires, 5 s by default).
 *
 * @throws CliError `INVALID_INPUT` for a bad `REDIS_URL` or `TENANT`
 */
export function openRevocationNotice(
  env: Record<string, string | undefined>,
  flags: ServiceFlags,
): RevocationNotice | null {
  const redis = readServiceRedis(env, flags);
  if (!redis) return null;
  const bus = createRedisTokenInvalidationBus({ url: redis.url, channel: tokenInvalidationChannel(redis.tenant) });
  let failure: string | null = null;
  return {
    invalidation: {
      publish: (tokenIds) =>
        bus.publish(tokenIds).catch((error: unknown) => {
          failure = (error as Error).message;
        }),
    },
    failure: () => failure,
    close: () => bus.close(),
  };
}
