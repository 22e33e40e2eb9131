import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import IORedis from 'ioredis';
import type { MagentoIntegrationOptions } from '@magekit/nest';
import type { ServiceConfig } from '../config/service-config';
import type { ServiceLogger } from '../logging/service-logger';
import { closeRedisConnection } from '../redis/close-redis-connection';

/** The module's `throttle` and `pendingStores` options, and how to close what they hold. */
export interface ThrottleSetup {
  options: Pick<MagentoIntegrationOptions, 'throttle' | 'pendingStores'>;
  /** Closes the Redis connection of the shared counters (nothing without `REDIS_URL`). */
  close(): Promise<void>;
}

/**
 * The limits from the environment (`THROTTLE_*`, `PENDING_STORES_*`; unset ones keep the module's
 * defaults) and, with `REDIS_URL`, counters in Redis so that every instance counts together
 * (`ThrottlerStorageRedisService` on a connection of its own). Without Redis the counters are in
 * this process's memory.
 */
export function createThrottleSetup(config: ServiceConfig, logger: ServiceLogger): ThrottleSetup {
  const { windowSeconds, callback, signIn } = config.throttle;
  const limits = { ...(windowSeconds === undefined ? {} : { windowSeconds }), callback, signIn };
  if (!config.redisUrl)
    return { options: { throttle: limits, pendingStores: config.pendingStores }, close: async () => undefined };
  // One counter space per tenant: deployments sharing a Redis do not share limits.
  const redis = connectRedis(config.redisUrl, `magekit:throttle:${config.tenant}:`, logger);
  return {
    options: {
      throttle: { ...limits, storage: new ThrottlerStorageRedisService(redis.connection) },
      pendingStores: config.pendingStores,
    },
    close: redis.close,
  };
}

/** A connection that retries in the background, fails commands fast while Redis is down, and logs each new error once. */
function connectRedis(
  url: string,
  keyPrefix: string,
  logger: ServiceLogger,
): { connection: IORedis; close(): Promise<void> } {
  let closing = false;
  let lastError: string | null = null;
  const connection = new IORedis(url, {
    keyPrefix,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    retryStrategy: (times) => (closing ? null : Math.min(times * 500, 5000)),
  });
  connection.on('error', (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ msg: 'Redis error (request limits)', error: error.message }, 'Throttle');
  });
  return {
    connection,
    close: async () => {
      closing = true;
      await closeRedisConnection(connection);
    },
  };
}

/** Injection token of the {@link ThrottleSetup}. */
export const THROTTLE_SETUP = Symbol('THROTTLE_SETUP');
