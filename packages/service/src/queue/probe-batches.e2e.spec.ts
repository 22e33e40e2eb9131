import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { SecretBox, StoreClientRegistry, StoreEntity, type ProbeBatchResult, type StoreStatus } from '@magekit/nest';
import { describeIfAvailable, listTestDatabases, reachability, REDIS_URL } from '@magekit/testing/databases';
import { startIntegrationService, type RunningService } from '../start-service';
import { MAINTENANCE_QUEUE } from './maintenance-queue';
import { PROBE_QUEUE, type ProbeDueResult } from './probe-batches';

jest.setTimeout(180_000);

const ACTIVE = 100;
/** Long and aligned on multiples of itself: no interval starts while the test runs; the test moves stores into the previous one. */
const PROBE_INTERVAL_MS = 2_147_483_647;

/** A loopback store front for every seeded store (`/s/<i>/`): counts `GET …/rest/V1/store/storeConfigs` per store. */
async function startProbeCounter(): Promise<{ base: string; counts: Map<number, number>; close(): Promise<void> }> {
  const counts = new Map<number, number>();
  const server: Server = createServer((request, response) => {
    const match = /^\/s\/(\d+)\/rest\/V1\/store\/storeConfigs$/.exec(request.url?.split('?')[0] ?? '');
    if (!match) {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"message":"Request does not match any route."}');
      return;
    }
    const i = Number(match[1]);
    counts.set(i, (counts.get(i) ?? 0) + 1);
    const body = [
      { id: 1, code: 'default', website_id: 1, locale: 'en_US', base_currency_code: 'USD', timezone: 'UTC' },
    ];
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    counts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Store rows as an activation leaves them (tokens sealed by the service's own SecretBox). */
function storeRows(box: SecretBox, base: string, statuses: StoreStatus[]): Partial<StoreEntity>[] {
  const now = new Date();
  return statuses.map((status, i) => {
    const id = randomUUID();
    const seal = (column: string) => box.seal('magekit_stores', column, id, randomBytes(16).toString('hex'));
    return {
      id,
      tenant: 'default',
      authKind: 'oauth1',
      edition: 'paas',
      consumerKey: randomBytes(16).toString('hex'),
      consumerSecretEnc: seal('consumer_secret_enc'),
      accessTokenEnc: seal('access_token_enc'),
      accessTokenSecretEnc: seal('access_token_secret_enc'),
      storeBaseUrl: `${base}/s/${i}/`,
      usesIndexPhp: false,
      status,
      signatureProfile: 'latest',
      activatedAt: now,
      createdAt: now,
      updatedAt: now,
    };
  });
}

for (const candidate of listTestDatabases({ prefix: 'mk_svc_probes' }).filter((entry) => entry.name !== 'SQLite'))
  describeIfAvailable(
    {
      name: `Redis and ${candidate.name}`,
      unavailable: reachability('redis', REDIS_URL) ?? candidate.unavailable,
    },
    'probe-batch jobs shared by two instances',
    () => {
      const prefix = `magekit-probes-test-${process.pid}-${randomBytes(3).toString('hex')}`;
      const keys = `k1:${randomBytes(32).toString('base64')}`;
      const dirs: string[] = [];
      let database: { url: string | null; drop(): Promise<void> };
      let store: Awaited<ReturnType<typeof startProbeCounter>>;
      let services: RunningService[] = [];
      let connection: IORedis;
      let maintenance: Queue;
      let probes: Queue;
      let statuses: StoreStatus[];

      const start = () => {
        const dir = mkdtempSync(join(tmpdir(), 'mk-probes-'));
        dirs.push(dir);
        return startIntegrationService({
          env: {
            PORT: '0',
            DATA_DIR: dir,
            DATABASE_URL: database.url ?? undefined,
            REDIS_URL,
            MAGEKIT_ENCRYPTION_KEYS: keys,
            LOG_LEVEL: 'warn',
            STORE_URL_ALLOW_HTTP: 'true',
            STORE_URL_ALLOWED_NETWORKS: '127.0.0.0/8',
          },
          log: () => undefined,
          print: () => undefined,
          magento: { probe: { intervalMs: PROBE_INTERVAL_MS } },
          queue: { prefix, probeIntervalMs: 100, probeBatchSize: 10, probeJobConcurrency: 2, probesPerJob: 3 },
        });
      };

      /** Waits until nothing waits or runs on the probe queue and two `probe-due` runs since `since` found no due store. */
      async function settled(since: number): Promise<void> {
        for (;;) {
          const idle = (await probes.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized')) === 0;
          const runs = (await maintenance.getJobs(['completed'], 0, 50)).filter(
            (job) => (job.finishedOn ?? 0) > since && (job.returnvalue as ProbeDueResult | null)?.backlog === 0,
          );
          if (idle && runs.filter((job) => (job.returnvalue as ProbeDueResult).stores === 0).length >= 2) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }

      async function waitForProbes(expected: number): Promise<void> {
        const since = Date.now();
        while (statuses.some((status, i) => status === 'active' && (store.counts.get(i) ?? 0) < expected))
          await new Promise((resolve) => setTimeout(resolve, 100));
        await settled(since);
      }

      beforeAll(async () => {
        database = await candidate.create();
        store = await startProbeCounter();
        // The first instance migrates the database; the second starts on it.
        services.push(await start());
        services.push(await start());
        connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
        maintenance = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
        probes = new Queue(PROBE_QUEUE, { connection, prefix });
      });
      afterAll(async () => {
        await Promise.all(services.map((service) => service.close()));
        services = [];
        for (const queue of [maintenance, probes]) {
          await queue?.obliterate({ force: true }).catch(() => undefined);
          await queue?.close();
        }
        connection?.disconnect();
        await store?.close();
        await database?.drop();
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      });

      it('probes every active store exactly once per interval, on both instances, and no other store', async () => {
        const [first] = services;
        statuses = [
          ...Array.from({ length: ACTIVE }, () => 'active' as const),
          ...(['needs_reauth', 'revoked', 'failed', 'activating'] as const),
        ];
        const repository = first.dataSource.getRepository(StoreEntity);
        await repository.insert(storeRows(first.app.get(SecretBox), store.base, statuses));

        await waitForProbes(1);
        const once = statuses.map((_, i) => store.counts.get(i) ?? 0);
        expect(once).toEqual(statuses.map((status) => (status === 'active' ? 1 : 0)));
        // Each probe was recorded and its lease released with it.
        const rows = await repository.findBy({ status: 'active' });
        expect(rows.filter((row) => row.lastProbedAt === null || row.facts === null)).toEqual([]);
        expect(rows.filter((row) => row.probeLeaseUntil !== null)).toEqual([]);
        // Both instances took batches: each has clients for the stores it probed.
        const clients = services.map((service) => service.app.get(StoreClientRegistry).size);
        expect(clients.every((size) => size > 0)).toBe(true);
        expect(clients.reduce((a, b) => a + b, 0)).toBe(ACTIVE);

        // The next interval, as far as the stores can tell: their probes now lie in the previous one,
        // and that interval's batch ids are free again (as when BullMQ drops them after an interval).
        const interval = Math.floor(Date.now() / PROBE_INTERVAL_MS) * PROBE_INTERVAL_MS;
        await probes.clean(0, 10_000, 'completed');
        await repository.update({ status: 'active' }, { lastProbedAt: new Date(interval - 1) });
        await waitForProbes(2);
        expect(statuses.map((_, i) => store.counts.get(i) ?? 0)).toEqual(
          statuses.map((status) => (status === 'active' ? 2 : 0)),
        );
        // This interval's batches: ten of ten stores, each store probed by the batch that held it.
        const batches = await probes.getJobs(['completed'], 0, 1000);
        expect(batches).toHaveLength(ACTIVE / 10);
        expect(batches.map((job) => job.returnvalue)).toEqual(
          batches.map(() => ({ probed: 10, skipped: 0, failed: 0 })),
        );
        expect(await probes.getJobs(['failed'])).toEqual([]);
      });

      it('probes a store once when two batches of the same interval hold it (the row lease decides)', async () => {
        const repository = services[0].dataSource.getRepository(StoreEntity);
        const interval = Math.floor(Date.now() / PROBE_INTERVAL_MS) * PROBE_INTERVAL_MS;
        await probes.clean(0, 10_000, 'completed');
        const ids = (await repository.findBy({ status: 'active' })).map((row) => row.id);
        // The workers start on both copies only once the stores are due again.
        await probes.pause();
        await probes.addBulk(
          ['a', 'b'].map((copy) => ({ name: 'probe-batch', data: { since: interval, ids }, opts: { jobId: copy } })),
        );
        await repository.update({ status: 'active' }, { lastProbedAt: new Date(interval - 1) });
        await probes.resume();
        await waitForProbes(3);
        expect(statuses.map((_, i) => store.counts.get(i) ?? 0)).toEqual(
          statuses.map((status) => (status === 'active' ? 3 : 0)),
        );
        const jobs = await probes.getJobs(['completed'], 0, 1000);
        const results = jobs.map((job) => job.returnvalue as ProbeBatchResult);
        expect(results.reduce((sum, result) => sum + result.probed, 0)).toBe(ACTIVE);
        expect(results.reduce((sum, result) => sum + result.failed, 0)).toBe(0);
        for (const copy of jobs.filter((job) => job.id === 'a' || job.id === 'b'))
          expect((copy.returnvalue as ProbeBatchResult).probed + (copy.returnvalue as ProbeBatchResult).skipped).toBe(
            ACTIVE,
          );
      });
    },
  );
