import type { DataSource } from 'typeorm';
import { isMagentoIntegrationError } from '../errors/magento-integration-error';
import { ActivationEntity, ActivationEventEntity, StoreEntity } from '../entities';
import { makeCallback, recordCallback } from '../test-support/callbacks';
import { createTestModule, testOptions, type TestHarness } from '../test-support/test-app';
import { runOnTestDatabases, type TestDatabase } from '../test-support/test-databases';
import { ActivationRunner } from './activation-runner';
import { BackgroundTasks } from './background-tasks';
import { INTERRUPTED_CALLBACK_MS, PendingStoreCleaner } from './pending-store-cleaner';

function runContract(db: TestDatabase): void {
  describe(`callbacks and takeover after an instance died, on ${db.name}`, () => {
    let dataSource: DataSource;
    let drop: () => Promise<void>;
    let harness: TestHarness;

    beforeEach(async () => {
      ({ dataSource, drop } = await db.open());
      harness = await createTestModule(dataSource, testOptions({ pendingStores: { perAddress: 2, max: 3 } }));
    });
    afterEach(async () => {
      jest.restoreAllMocks();
      await harness?.module.close();
      await drop?.();
    });

    const stores = () => dataSource.getRepository(StoreEntity);
    const activations = () => dataSource.getRepository(ActivationEntity);

    it('a new store gets one activation and its first timeline entry at position 0; a Reauthorize supersedes it', async () => {
      const callback = makeCallback();
      const first = await recordCallback(harness.module, 'acme', callback);
      expect(first).toMatchObject({
        duplicate: false,
        store: { status: 'activating', consumerKey: callback.consumerKey },
      });
      const events = dataSource.getRepository(ActivationEventEntity);
      expect(await events.findBy({ activationId: first.activation.id })).toMatchObject([
        { position: 0, type: 'callback_received' },
      ]);
      expect((await recordCallback(harness.module, 'acme', callback)).duplicate).toBe(true);
      harness.clock.advance(1000);
      const again = await recordCallback(harness.module, 'acme', { ...callback, verifier: makeCallback().verifier });
      expect(again.store.id).toBe(first.store.id);
      expect(await activations().findOneByOrFail({ id: first.activation.id })).toMatchObject({
        state: 'failed',
        failureCode: 'SUPERSEDED',
      });
      expect(
        (await events.findBy({ activationId: first.activation.id })).map((event) => event.position).sort(),
      ).toEqual([0, 1, 2]);
    });

    it('counts pending stores per address and in all (one query) before admitting a new key', async () => {
      await recordCallback(harness.module, 'acme', makeCallback(), '10.0.0.1');
      await recordCallback(harness.module, 'acme', makeCallback(), '10.0.0.1');
      const refused = await recordCallback(harness.module, 'acme', makeCallback(), '10.0.0.1').catch((error) => error);
      expect(isMagentoIntegrationError(refused, 'PENDING_LIMIT')).toBe(true);
      expect((refused as Error).message).toContain('from this address');
      await recordCallback(harness.module, 'acme', makeCallback(), null);
      const full = await recordCallback(harness.module, 'acme', makeCallback(), '10.0.0.2').catch((error) => error);
      expect(isMagentoIntegrationError(full, 'PENDING_LIMIT')).toBe(true);
      expect((full as Error).message).toContain('(at most 3)');
      expect(await stores().count()).toBe(3);
    });

    it('marks failed, with the Reauthorize hint, a store whose callback stopped before its activation was written', async () => {
      const interrupted = await recordCallback(harness.module, 'acme', makeCallback());
      const running = await recordCallback(harness.module, 'acme', makeCallback());
      // The instance died between the two writes: the store row without its activation.
      await dataSource.getRepository(ActivationEventEntity).delete({ storeId: interrupted.store.id });
      await activations().delete({ storeId: interrupted.store.id });
      const cleaner = harness.module.get(PendingStoreCleaner);
      expect(await cleaner.failInterrupted()).toBe(0); // a callback may still be writing it
      harness.clock.advance(INTERRUPTED_CALLBACK_MS + 1000);
      expect(await cleaner.failInterrupted()).toBe(1);
      expect(await stores().findOneByOrFail({ id: interrupted.store.id })).toMatchObject({
        status: 'failed',
        statusCode: 'CALLBACK_INTERRUPTED',
        statusHint: expect.stringContaining('Reauthorize'),
      });
      expect((await stores().findOneByOrFail({ id: running.store.id })).status).toBe('activating');
      expect(await cleaner.failInterrupted()).toBe(0);
    });

    it('one sweep resumes every activation a dead instance left (more than 20), once its lease expired, and none running here', async () => {
      const more = await createTestModule(dataSource, testOptions());
      try {
        const ids: string[] = [];
        for (let i = 0; i < 25; i += 1)
          ids.push((await recordCallback(more.module, 'acme', makeCallback())).activation.id);
        await activations()
          .createQueryBuilder()
          .update()
          .set({ leaseOwner: 'dead-instance', leaseUntil: new Date(more.clock() + 60_000) })
          .execute();
        const runner = more.module.get(ActivationRunner);
        const started: string[] = [];
        jest.spyOn(runner, 'start').mockImplementation((id: string) => void started.push(id));
        jest.spyOn(runner, 'isRunning').mockImplementation((id: string) => id === ids[0]);
        const sweeper = more.module.get(BackgroundTasks);
        expect(await sweeper.sweep()).toBe(0); // still leased
        more.clock.advance(60_001);
        expect(await sweeper.sweep()).toBe(24);
        expect(started.sort()).toEqual(ids.slice(1).sort());
      } finally {
        await more.module.close();
      }
    });
  });
}

runOnTestDatabases('callbacks and takeover after an instance died', runContract);
