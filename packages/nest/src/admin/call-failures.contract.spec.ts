import type { DataSource } from 'typeorm';
import { ActivationEntity, StoreCallFailureEntity, StoreEntity } from '../entities';
import { CreateStoreCallFailures1767225600000, MAGEKIT_MIGRATIONS } from '../migrations';
import { makeCallback, recordCallback } from '../test-support/callbacks';
import { runOnTestDatabases, type TestDatabase } from '../test-support/test-databases';
import { createTestModule, type TestHarness } from '../test-support/test-app';
import { ActivityStats } from './activity-stats.service';
import { CallFailureRecorder, FAILED_CALLS_KEPT } from './call-failure-recorder.service';
import type { FailedCall } from './failed-call-capture';

const TABLE = 'magekit_store_call_failures';
const OLDER_TABLES = [
  'magekit_vendor_accounts',
  'magekit_stores',
  'magekit_activations',
  'magekit_activation_events',
  'magekit_identity_links',
  'magekit_api_tokens',
];
const failure = (i: number): FailedCall => ({
  method: 'GET',
  path: `/rest/V1/orders/${i}`,
  status: 401,
  code: 'NOT_AUTHORIZED',
  message: `refused ${i}`,
  hint: null,
  attempts: 1,
  baseString: `GET&x&oauth_token%3D[masked]`,
  signatureProfile: 'latest',
});

function runContract(db: TestDatabase): void {
  describe(`failed calls and activity storage on ${db.name}`, () => {
    let dataSource: DataSource;
    let drop: () => Promise<void>;
    let harness: TestHarness;

    beforeAll(async () => {
      ({ dataSource, drop } = await db.open());
      harness = await createTestModule(dataSource);
    });
    afterAll(async () => {
      await harness?.module.close();
      await drop?.();
    });

    it('keeps the newest failed calls per store, newest first, and deletes them with the store', async () => {
      const { store } = await recordCallback(harness.module, 'acme', makeCallback());
      const other = await recordCallback(harness.module, 'acme', makeCallback());
      const recorder = harness.module.get(CallFailureRecorder);
      for (let i = 0; i < FAILED_CALLS_KEPT + 3; i += 1) {
        harness.clock.advance(1000);
        await recorder.record(store.id, failure(i));
      }
      await recorder.record(other.store.id, failure(999));
      const kept = await recorder.listRecent(store.id);
      expect(kept).toHaveLength(FAILED_CALLS_KEPT);
      expect(kept[0]).toMatchObject({
        path: `/rest/V1/orders/${FAILED_CALLS_KEPT + 2}`,
        status: 401,
        attempts: 1,
        baseString: 'GET&x&oauth_token%3D[masked]',
      });
      expect(kept.at(-1)?.path).toBe('/rest/V1/orders/3');
      expect(kept[0].occurredAt.getTime()).toBe(harness.clock());
      expect(await recorder.listRecent(other.store.id)).toHaveLength(1);
      await dataSource.getRepository(StoreEntity).delete({ id: store.id });
      expect(await dataSource.getRepository(StoreCallFailureEntity).countBy({ storeId: store.id })).toBe(0);
      expect(await dataSource.getRepository(StoreCallFailureEntity).countBy({ storeId: other.store.id })).toBe(1);
    });

    it('counts activations started and failed per UTC day (superseded ones are not failures)', async () => {
      const activations = dataSource.getRepository(ActivationEntity);
      await activations.createQueryBuilder().delete().execute();
      const dayStart = Math.floor(harness.clock() / 86_400_000) * 86_400_000;
      harness.clock.set(dayStart + 86_400_000 - 1); // the last millisecond of a day
      const late = await recordCallback(harness.module, 'acme', makeCallback());
      harness.clock.set(dayStart + 86_400_000 + 3_600_000); // the next day
      const failedOne = await recordCallback(harness.module, 'acme', makeCallback());
      await activations.update(
        { id: failedOne.activation.id },
        { state: 'failed', failureCode: 'CONSUMER_EXPIRED', updatedAt: new Date(harness.clock()) },
      );
      await activations.update(
        { id: late.activation.id },
        { state: 'failed', failureCode: 'SUPERSEDED', updatedAt: new Date(harness.clock()) },
      );
      const activity = await harness.module.get(ActivityStats).perDay(2);
      expect(activity.points.map((point) => [point.started, point.failed])).toEqual([
        [1, 0],
        [1, 1],
      ]);
      expect(activity.points[1].date).toBe(new Date(harness.clock()).toISOString().slice(0, 10));
    });
  });

  describe(`call-failures migration on ${db.name}`, () => {
    it('down() removes only its table and up() brings it back', async () => {
      const { dataSource, drop } = await db.open();
      try {
        const runner = dataSource.createQueryRunner();
        expect(await runner.hasTable(TABLE)).toBe(true);
        // Undo down to this migration, whatever came after it.
        const later = MAGEKIT_MIGRATIONS.length - MAGEKIT_MIGRATIONS.indexOf(CreateStoreCallFailures1767225600000);
        for (let i = 0; i < later; i++) await dataSource.undoLastMigration();
        expect(await runner.hasTable(TABLE)).toBe(false);
        for (const table of OLDER_TABLES) expect(await runner.hasTable(table)).toBe(true);
        await dataSource.runMigrations();
        expect(await runner.hasTable(TABLE)).toBe(true);
        const pending = await dataSource.driver.createSchemaBuilder().log();
        expect(pending.upQueries.map((query) => query.query)).toEqual([]);
        await runner.release();
      } finally {
        await drop();
      }
    });
  });
}

runOnTestDatabases('failed calls and activity storage', runContract);
