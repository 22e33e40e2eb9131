import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { readServiceConfig } from '../config/service-config';
import { ServiceLogger } from '../logging/service-logger';
import { createThrottleSetup } from './throttle-storage';

describe('request limits from the environment', () => {
  const logger = new ServiceLogger({ write: () => undefined });

  it('passes the THROTTLE_* and PENDING_STORES_* limits to the module, in-memory counters without Redis', async () => {
    const config = readServiceConfig(
      {
        THROTTLE_WINDOW_SECONDS: '30',
        THROTTLE_CALLBACK_PER_ADDRESS: '4',
        THROTTLE_SIGN_IN_GLOBAL: '90',
        PENDING_STORES_MAX: '12',
      },
      '/srv/app',
    );
    const setup = createThrottleSetup(config, logger);
    expect(setup.options).toEqual({
      throttle: { windowSeconds: 30, callback: { perAddress: 4 }, signIn: { global: 90 } },
      pendingStores: { max: 12 },
    });
    await setup.close();
  });

  it('with REDIS_URL, counts in Redis (shared by every instance) and closes the connection', async () => {
    const config = readServiceConfig({ REDIS_URL: 'redis://127.0.0.1:1/0' }, '/srv/app');
    const setup = createThrottleSetup(config, logger);
    const storage = setup.options.throttle?.storage;
    expect(storage).toBeInstanceOf(ThrottlerStorageRedisService);
    await setup.close();
    expect((storage as ThrottlerStorageRedisService).redis.status).toBe('end');
  });
});
