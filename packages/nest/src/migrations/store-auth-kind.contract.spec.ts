import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { StoreEntity } from '../entities';
import { isUniqueViolation } from '../storage/unique-violation';
import { insertImsStore } from '../test-support/ims-stores';
import { runOnTestDatabases, type TestDatabase } from '../test-support/test-databases';
import { AddStoreAuthKind1804118400000, MAGEKIT_MIGRATIONS } from './index';

const IMS_COLUMNS = [
  'auth_kind',
  'edition',
  'saas_url_hash',
  'ims_client_id',
  'ims_client_secret_enc',
  'ims_org_id',
  'ims_scopes',
  'ims_token_url',
];

/** Undoes this migration and every one added after it. */
async function undoToBefore(dataSource: DataSource): Promise<void> {
  const undo = MAGEKIT_MIGRATIONS.length - MAGEKIT_MIGRATIONS.indexOf(AddStoreAuthKind1804118400000);
  for (let i = 0; i < undo; i += 1) await dataSource.undoLastMigration();
}

/** A store row as the schema before this migration holds it (raw SQL: the entity has the new columns). */
async function insertOldStore(dataSource: DataSource, id: string, consumerKey: string): Promise<void> {
  const sqlite = dataSource.options.type === 'better-sqlite3';
  const now = sqlite ? '2025-01-01 12:00:00.000' : new Date(Date.UTC(2025, 0, 1, 12));
  const values: Record<string, unknown> = {
    id,
    tenant: 'acme',
    consumer_key: consumerKey,
    consumer_secret_enc: 'mk1.k1.aaaa.bbbb.cccc',
    store_base_url: 'https://shop.example.com/',
    uses_index_php: sqlite ? 0 : false,
    status: 'active',
    signature_profile: 'latest',
    created_at: now,
    updated_at: now,
  };
  const names = Object.keys(values);
  const marks = names.map((_, i) => (dataSource.options.type === 'postgres' ? `$${i + 1}` : '?'));
  await dataSource.query(
    `INSERT INTO magekit_stores (${names.join(', ')}) VALUES (${marks.join(', ')})`,
    Object.values(values),
  );
}

async function nullable(dataSource: DataSource, column: string): Promise<boolean | undefined> {
  const runner = dataSource.createQueryRunner();
  try {
    return (await runner.getTable('magekit_stores'))?.findColumnByName(column)?.isNullable;
  } finally {
    await runner.release();
  }
}

function runContract(db: TestDatabase): void {
  describe(`store auth kind migration on ${db.name}`, () => {
    let dataSource: DataSource;
    let drop: () => Promise<void>;

    beforeEach(async () => {
      ({ dataSource, drop } = await db.open());
    });
    afterEach(async () => drop?.());

    it('existing stores become oauth1 / paas, keep their consumer key, and the schema is what the entities describe', async () => {
      await undoToBefore(dataSource);
      const id = randomUUID();
      await insertOldStore(dataSource, id, 'k'.repeat(32));
      expect(await nullable(dataSource, 'consumer_key')).toBe(false);
      await dataSource.runMigrations();
      const store = await dataSource.getRepository(StoreEntity).findOneByOrFail({ id });
      expect(store).toMatchObject({
        authKind: 'oauth1',
        edition: 'paas',
        consumerKey: 'k'.repeat(32),
        saasUrlHash: null,
        imsClientId: null,
        imsClientSecretEnc: null,
      });
      expect(await nullable(dataSource, 'consumer_key')).toBe(true);
      expect(await nullable(dataSource, 'consumer_secret_enc')).toBe(true);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    });

    it('IMS stores have no consumer key (several may) and one row per SaaS tenant URL', async () => {
      const first = await insertImsStore(dataSource);
      await insertImsStore(dataSource);
      const repository = dataSource.getRepository(StoreEntity);
      expect(await repository.countBy({ authKind: 'ims' })).toBe(2);
      const copy = await insertImsStore(dataSource, {
        storeBaseUrl: first.store.storeBaseUrl,
        saasUrlHash: first.store.saasUrlHash,
      }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isUniqueViolation(copy)).toBe(true);
      expect(await repository.countBy({ authKind: 'ims' })).toBe(2);
    });

    it('down() removes the IMS stores and columns and restores NOT NULL consumer keys; up() works again', async () => {
      await insertImsStore(dataSource);
      const oauthId = randomUUID();
      await dataSource.getRepository(StoreEntity).insert({
        ...(await insertImsStore(dataSource)).store,
        id: oauthId,
        authKind: 'oauth1',
        edition: 'paas',
        consumerKey: 'c'.repeat(32),
        consumerSecretEnc: 'mk1.k1.aaaa.bbbb.cccc',
        saasUrlHash: null,
        imsClientId: null,
        imsClientSecretEnc: null,
        imsOrgId: null,
      });
      await undoToBefore(dataSource);
      const runner = dataSource.createQueryRunner();
      try {
        for (const column of IMS_COLUMNS) expect(await runner.hasColumn('magekit_stores', column)).toBe(false);
        const rows: Array<{ id: string; consumer_key: string }> = await runner.query(
          'SELECT id, consumer_key FROM magekit_stores',
        );
        expect(rows.map((row) => [row.id, row.consumer_key])).toEqual([[oauthId, 'c'.repeat(32)]]);
      } finally {
        await runner.release();
      }
      expect(await nullable(dataSource, 'consumer_key')).toBe(false);
      await dataSource.runMigrations();
      expect(await dataSource.getRepository(StoreEntity).countBy({ authKind: 'oauth1' })).toBe(1);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    });
  });
}

runOnTestDatabases('store auth kind migration', runContract);
