import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { MAGEKIT_CONFIG, StoreEntity, type ResolvedMagentoOptions } from '@magekit/nest';
import { startSandbox, type RunningSandbox } from '@magekit/sandbox/testing';
import { MAINTENANCE_QUEUE, PROBE_QUEUE } from '@magekit/service';
import { activate, createIntegration, settledStore } from '../test-support/sandbox-flow';
import { describeIfAvailable, reachability, REDIS_URL } from '../test-support/test-databases';
import { startTestService, waitFor, type TestService } from '../test-support/test-service';

jest.setTimeout(60_000);

describeIfAvailable(
  { name: 'Redis', unavailable: reachability('redis', REDIS_URL) },
  'BullMQ maintenance queue and /health',
  () => {
    const prefix = `magekit-test-${process.pid}-${randomBytes(3).toString('hex')}`;
    let sandbox: RunningSandbox;
    let service: TestService;

    beforeAll(async () => {
      [sandbox, service] = await Promise.all([
        startSandbox(),
        startTestService({ env: { REDIS_URL }, queue: { probeIntervalMs: 200, prefix } }),
      ]);
    });
    afterAll(async () => {
      await service?.stop();
      await sandbox?.close();
      const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
      for (const name of [MAINTENANCE_QUEUE, PROBE_QUEUE]) {
        const queue = new Queue(name, { connection, prefix });
        await queue.obliterate({ force: true });
        await queue.close();
      }
      connection.disconnect();
    });

    it('/health reports the queue up', async () => {
      const report = await waitFor('the queue to connect', async () => {
        const body = (await (await fetch(`${service.base}/health`)).json()) as { queue: string };
        return body.queue === 'up' ? body : undefined;
      });
      expect(report).toEqual({ status: 'ok', database: 'up', queue: 'up' });
    });

    it('the probe-due job has an active store not probed in the current probe interval re-probed by a probe-batch job', async () => {
      const integration = await createIntegration(sandbox, service);
      await activate(sandbox, integration.id);
      const store = await settledStore(service, integration.consumer_key);
      expect(store.status).toBe('active');
      const stale = new Date(Date.now() - 2 * 3_600_000);
      await service.dataSource.getRepository(StoreEntity).update({ id: store.id }, { lastProbedAt: stale });
      const probed = await waitFor('the job to probe the store', async () => {
        const row = await service.dataSource.getRepository(StoreEntity).findOneByOrFail({ id: store.id });
        return row.lastProbedAt && row.lastProbedAt.getTime() > stale.getTime() + 3_600_000 ? row : undefined;
      });
      expect(probed.status).toBe('active');
      const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
      const queue = new Queue(PROBE_QUEUE, { connection, prefix });
      try {
        const completed = await queue.getJobs(['completed'], 0, 100);
        expect(
          completed.some((job) => job.name === 'probe-batch' && (job.returnvalue as { probed: number }).probed >= 1),
        ).toBe(true);
      } finally {
        await queue.close();
        connection.disconnect();
      }
    });
  },
);

describe('/health without Redis and with Redis down', () => {
  it('reports the queue disabled without REDIS_URL, and degraded (still 200) when Redis does not answer', async () => {
    const plain = await startTestService();
    const down = await startTestService({ env: { REDIS_URL: 'redis://127.0.0.1:1/0' } });
    try {
      expect(await (await fetch(`${plain.base}/health`)).json()).toEqual({
        status: 'ok',
        database: 'up',
        queue: 'disabled',
      });
      const response = await fetch(`${down.base}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'degraded', database: 'up', queue: 'down' });
      // One probe scheduler: the module's timer without REDIS_URL, the BullMQ job scheduler with it.
      expect(plain.app.get<symbol, ResolvedMagentoOptions>(MAGEKIT_CONFIG).probe.scheduler).toBe('timer');
      expect(down.app.get<symbol, ResolvedMagentoOptions>(MAGEKIT_CONFIG).probe.scheduler).toBe('external');
    } finally {
      await down.stop();
      await plain.stop();
    }
  });

  it('answers 503 when the database is gone', async () => {
    const service = await startTestService();
    try {
      await service.dataSource.destroy();
      const response = await fetch(`${service.base}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'error', database: 'down', queue: 'disabled' });
    } finally {
      await service.app.close().catch(() => undefined);
      rmSync(service.dataDir, { recursive: true, force: true });
    }
  });
});
