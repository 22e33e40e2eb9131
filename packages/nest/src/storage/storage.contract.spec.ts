import type { DataSource } from 'typeorm';
import { ActivationLease } from '../activation/activation-lease';
import { ActivationTimeline } from '../activation/activation-timeline';
import { StoreDirectory } from '../admin/store-directory.service';
import { createKeyRing } from '../crypto/key-ring';
import { rotateSecrets } from '../crypto/rotate-secrets';
import { SecretBox } from '../crypto/secret-box';
import { ActivationEntity, ActivationEventEntity, StoreEntity } from '../entities';
import { MAGEKIT_MIGRATIONS } from '../migrations';
import { makeCallback, recordCallback } from '../test-support/callbacks';
import { runOnTestDatabases, type TestDatabase } from '../test-support/test-databases';
import { insertImsStore } from '../test-support/ims-stores';
import { createTestModule, TEST_KEYS, type TestHarness } from '../test-support/test-app';
import { isUniqueViolation } from './unique-violation';

const TABLES = [
  'magekit_vendor_accounts',
  'magekit_stores',
  'magekit_activations',
  'magekit_activation_events',
  'magekit_identity_links',
  'magekit_api_tokens',
  'magekit_store_call_failures',
];

function runContract(db: TestDatabase): void {
  describe(`storage contract on ${db.name}`, () => {
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

    it('the migrations create exactly the schema the entities describe', async () => {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    });

    it('keeps timestamps to the millisecond, as instants', async () => {
      const recorded = await recordCallback(harness.module, 'acme', makeCallback());
      const at = new Date(Date.UTC(2031, 5, 7, 23, 59, 58, 123));
      await dataSource.getRepository(StoreEntity).update({ id: recorded.store.id }, { lastProbedAt: at });
      const read = await dataSource.getRepository(StoreEntity).findOneByOrFail({ id: recorded.store.id });
      expect(read.lastProbedAt?.toISOString()).toBe('2031-06-07T23:59:58.123Z');
      expect(read.createdAt.toISOString()).toBe('2025-01-01T12:00:00.000Z');
    });

    it('recognises unique violations of this driver', async () => {
      const recorded = await recordCallback(harness.module, 'acme', makeCallback());
      const copy = { ...recorded.store, id: '00000000-0000-4000-8000-000000000001' };
      const error = await dataSource
        .getRepository(StoreEntity)
        .insert(copy)
        .then(
          () => null,
          (caught: unknown) => caught,
        );
      expect(isUniqueViolation(error)).toBe(true);
      expect(isUniqueViolation(new Error('other'))).toBe(false);
    });

    it('concurrent identical callbacks give one store and one activation', async () => {
      const callback = makeCallback();
      const results = await Promise.all(
        Array.from({ length: 6 }, () => recordCallback(harness.module, 'acme', callback)),
      );
      expect(new Set(results.map((result) => result.store.id)).size).toBe(1);
      expect(new Set(results.map((result) => result.activation.id)).size).toBe(1);
      expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
      expect(await dataSource.getRepository(StoreEntity).countBy({ consumerKey: callback.consumerKey })).toBe(1);
      expect(await dataSource.getRepository(ActivationEntity).countBy({ storeId: results[0].store.id })).toBe(1);
      const events = await dataSource
        .getRepository(ActivationEventEntity)
        .find({ where: { activationId: results[0].activation.id }, order: { position: 'ASC' } });
      expect(events.map((event) => event.position)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(events.map((event) => event.type).sort()).toEqual(
        ['callback_received', ...Array(5).fill('duplicate_callback')].sort(),
      );
    });

    it('concurrent callbacks of one consumer with different verifiers (Reauthorize) keep one store', async () => {
      const first = makeCallback();
      const results = await Promise.all(
        [first, { ...first, verifier: makeCallback().verifier }, { ...first, verifier: makeCallback().verifier }].map(
          (callback) => recordCallback(harness.module, 'acme', callback),
        ),
      );
      expect(new Set(results.map((result) => result.store.id)).size).toBe(1);
      const activations = await dataSource.getRepository(ActivationEntity).findBy({ storeId: results[0].store.id });
      expect(activations).toHaveLength(3);
      expect(
        activations.filter((activation) => activation.state === 'callback_received').length,
      ).toBeGreaterThanOrEqual(1);
    });

    it('only one of several concurrent lease claims wins', async () => {
      const recorded = await recordCallback(harness.module, 'acme', makeCallback());
      const lease = harness.module.get(ActivationLease);
      const wins = await Promise.all(
        ['a', 'b', 'c', 'd'].map((owner) => lease.claim(recorded.activation.id, owner, 60_000)),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await lease.findResumable(1000)).not.toContain(recorded.activation.id);
      harness.clock.advance(61_000);
      expect(await lease.findResumable(1000)).toContain(recorded.activation.id);
      expect(await lease.claim(recorded.activation.id, 'e', 60_000)).toBe(true);
    });

    it('concurrent timeline appends get distinct, gapless positions', async () => {
      const recorded = await recordCallback(harness.module, 'acme', makeCallback());
      const timeline = harness.module.get(ActivationTimeline);
      await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          timeline.append(recorded.activation, { type: 'retry_scheduled', message: `m${i}` }),
        ),
      );
      const events = await timeline.list([recorded.activation.id]);
      expect(events.map((event) => event.position)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('lists stores with status filter, case-insensitive search with literal wildcards, and server-side paging', async () => {
      for (let i = 0; i < 5; i += 1) {
        harness.clock.advance(1000);
        await recordCallback(
          harness.module,
          'paging',
          makeCallback({ storeBaseUrl: `https://Paging-${i}.example.com/50%_off/` }),
        );
      }
      const directory = harness.module.get(StoreDirectory);
      const page = await directory.list({ status: 'activating', search: 'PAGING-', page: 2, pageSize: 2 });
      expect(page.total).toBe(5);
      expect(page.items.map((store) => store.storeBaseUrl)).toEqual([
        'https://Paging-2.example.com/50%_off/',
        'https://Paging-1.example.com/50%_off/',
      ]);
      expect((await directory.list({ status: null, search: '50%_off', page: 1, pageSize: 100 })).total).toBe(5);
      expect((await directory.list({ status: null, search: '50x_off', page: 1, pageSize: 100 })).total).toBe(0);
      expect((await directory.list({ status: 'active', search: 'paging', page: 1, pageSize: 100 })).total).toBe(0);
      expect(JSON.stringify(page)).not.toMatch(/mk1\./);
    });

    it('rotateSecrets re-encrypts every secret under the active key (IMS client secrets too), and they still decrypt', async () => {
      const callback = makeCallback();
      const recorded = await recordCallback(harness.module, 'rotate', callback);
      const ims = await insertImsStore(dataSource);
      const k2 = { activeKeyId: 'k2', keys: { ...TEST_KEYS.keys, k2: Buffer.alloc(32, 7).toString('base64') } };
      const result = await rotateSecrets(dataSource, k2, 3);
      expect(result.reencrypted['magekit_stores.consumer_secret_enc']).toBeGreaterThan(0);
      expect(result.reencrypted['magekit_stores.ims_client_secret_enc']).toBe(1);
      expect(result.reencrypted['magekit_activations.verifier_enc']).toBeGreaterThan(0);
      const again = await rotateSecrets(dataSource, k2);
      expect(Object.values(again.reencrypted).every((count) => count === 0)).toBe(true);
      const ring = createKeyRing(k2);
      const box = new SecretBox(ring);
      const store = await dataSource.getRepository(StoreEntity).findOneByOrFail({ id: recorded.store.id });
      expect(ring.keyIdOf(store.consumerSecretEnc ?? '')).toBe('k2');
      expect(box.open('magekit_stores', 'consumer_secret_enc', store.id, store.consumerSecretEnc ?? '')).toBe(
        callback.consumerSecret,
      );
      const imsRow = await dataSource.getRepository(StoreEntity).findOneByOrFail({ id: ims.store.id });
      expect(ring.keyIdOf(imsRow.imsClientSecretEnc ?? '')).toBe('k2');
      expect(box.open('magekit_stores', 'ims_client_secret_enc', imsRow.id, imsRow.imsClientSecretEnc ?? '')).toBe(
        ims.clientSecret,
      );
      const stale = await dataSource.getRepository(StoreEntity).find();
      const ciphertexts = stale.flatMap((row) => [row.consumerSecretEnc, row.imsClientSecretEnc]);
      expect(ciphertexts.filter((value) => value !== null).every((value) => ring.keyIdOf(value ?? '') === 'k2')).toBe(
        true,
      );
    });
  });

  describe(`migrations on ${db.name}`, () => {
    it('down() removes every table and up() brings them back', async () => {
      const { dataSource, drop } = await db.open();
      try {
        const runner = dataSource.createQueryRunner();
        for (const table of TABLES) expect(await runner.hasTable(table)).toBe(true);
        for (let i = 0; i < MAGEKIT_MIGRATIONS.length; i += 1) await dataSource.undoLastMigration();
        for (const table of TABLES) expect(await runner.hasTable(table)).toBe(false);
        await dataSource.runMigrations();
        for (const table of TABLES) expect(await runner.hasTable(table)).toBe(true);
        await runner.release();
      } finally {
        await drop();
      }
    });
  });
}

runOnTestDatabases('storage contract', runContract);
