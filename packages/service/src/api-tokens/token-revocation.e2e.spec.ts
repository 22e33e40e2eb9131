import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import request from 'supertest';
import {
  ApiTokens,
  createApiToken,
  MAGEKIT_TOKEN_INVALIDATION,
  revokeApiToken,
  type ApiTokenInvalidation,
  type ApiTokenInvalidationBus,
} from '@magekit/nest';
import { describeIfAvailable, reachability, REDIS_URL } from '@magekit/testing/databases';
import { startIntegrationService, type RunningService } from '../start-service';
import {
  createRedisTokenInvalidationBus,
  tokenInvalidationChannel,
  type RedisTokenInvalidationBus,
} from './redis-token-invalidation-bus';

jest.setTimeout(60_000);

/** Resolves with the next invalidation `bus` delivers (its earlier subscribers, the token cache among them, have had it by then). */
function nextInvalidation(bus: ApiTokenInvalidationBus): Promise<ApiTokenInvalidation> {
  return new Promise((resolve) => {
    const unsubscribe = bus.subscribe((invalidation) => {
      unsubscribe();
      resolve(invalidation);
    });
  });
}

describeIfAvailable(
  { name: 'Redis', unavailable: reachability('redis', REDIS_URL) },
  'API token revocations over Redis pub/sub',
  () => {
    // A channel of its own: other suites on the same Redis never hear these revocations.
    const tenant = `tokens-test-${process.pid}-${randomBytes(3).toString('hex')}`;
    const channel = tokenInvalidationChannel(tenant);
    const buses: RedisTokenInvalidationBus[] = [];
    const bus = () => {
      const created = createRedisTokenInvalidationBus({ url: REDIS_URL, channel });
      buses.push(created);
      return created;
    };
    afterEach(async () => {
      await Promise.all(buses.splice(0).map((created) => created.close()));
    });

    it('delivers the revoked ids to every subscriber and ignores messages that are not revocations', async () => {
      const [sender, receiver] = [bus(), bus()];
      const heard: ApiTokenInvalidation[] = [];
      receiver.subscribe((invalidation) => heard.push(invalidation));
      await receiver.subscribed();
      const raw = new IORedis(REDIS_URL);
      try {
        await raw.publish(channel, '{"tokenIds":"not-a-list"}');
        await raw.publish(channel, 'not json');
      } finally {
        raw.disconnect();
      }
      const delivered = nextInvalidation(receiver);
      await sender.publish(['id-1', 'id-2']);
      expect(await delivered).toEqual({ kind: 'tokens', tokenIds: ['id-1', 'id-2'] });
      expect(heard).toEqual([{ kind: 'tokens', tokenIds: ['id-1', 'id-2'] }]);
    });

    it('fails a publish fast when Redis is not there (the caller logs it; the cache TTL still applies)', async () => {
      const unreachable = createRedisTokenInvalidationBus({ url: 'redis://127.0.0.1:1/0', channel });
      buses.push(unreachable);
      await expect(unreachable.publish(['id-1'])).rejects.toThrow();
    });

    describe('two service instances on one database', () => {
      let dir: string;
      let services: RunningService[] = [];
      const start = () =>
        startIntegrationService({
          env: {
            PORT: '0',
            DATA_DIR: dir,
            REDIS_URL,
            TENANT: tenant,
            MAGEKIT_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
            LOG_LEVEL: 'error',
          },
          log: () => undefined,
          print: () => undefined,
          // A cache entry outlives the test: only the bus can make an instance refuse a cached token.
          magento: { apiTokens: { cacheTtlMs: 3_600_000 } },
        });

      beforeEach(async () => {
        dir = mkdtempSync(join(tmpdir(), 'mk-token-revocation-'));
        services = [await start(), await start()];
        for (const service of services)
          await (service.app.get(MAGEKIT_TOKEN_INVALIDATION) as RedisTokenInvalidationBus).subscribed();
      });
      afterEach(async () => {
        for (const service of services) await service.close();
        rmSync(dir, { recursive: true, force: true });
      });

      const list = (service: RunningService, token: string) =>
        request(service.app.getHttpServer()).get('/api/stores').set('Authorization', `Bearer ${token}`);

      it('a token revoked on one instance is refused at once there and, on delivery, by the other', async () => {
        const [first, second] = services;
        const { token } = await createApiToken(first.dataSource, 'ops');
        await list(first, token).expect(200);
        await list(second, token).expect(200);
        const delivered = nextInvalidation(second.app.get(MAGEKIT_TOKEN_INVALIDATION));
        expect(await first.app.get(ApiTokens).revoke('ops')).toBe(1);
        await list(first, token).expect(401);
        await delivered;
        await list(second, token).expect(401);
      });

      it('a token revoked from another process (the CLI with REDIS_URL) is refused by every instance on delivery', async () => {
        const { token } = await createApiToken(services[0].dataSource, 'ci');
        for (const service of services) await list(service, token).expect(200);
        const delivered = services.map((service) => nextInvalidation(service.app.get(MAGEKIT_TOKEN_INVALIDATION)));
        const cli = bus();
        expect(await revokeApiToken(services[0].dataSource, 'ci', { invalidation: cli })).toBe(1);
        await Promise.all(delivered);
        for (const service of services) await list(service, token).expect(401);
      });
    });
  },
);
