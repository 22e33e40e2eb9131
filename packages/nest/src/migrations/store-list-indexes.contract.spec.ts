import type { DataSource } from 'typeorm';
import { StoreDirectory } from '../admin/store-directory.service';
import { StoreEntity } from '../entities';
import { insertImsStore } from '../test-support/ims-stores';
import { makeCallback, recordCallback } from '../test-support/callbacks';
import { createTestModule, type TestHarness } from '../test-support/test-app';
import { runOnTestDatabases, type TestDatabase } from '../test-support/test-databases';
import {
  AddStoreListIndexes1806796800000,
  MAGEKIT_MIGRATIONS,
  STORE_LIST_INDEXES,
  STORE_SEARCH_TRIGRAM_INDEX,
} from './index';

async function indexNames(dataSource: DataSource): Promise<Set<string>> {
  const runner = dataSource.createQueryRunner();
  try {
    const names = new Set<string>();
    for (const table of ['magekit_stores', 'magekit_activations'])
      for (const index of (await runner.getTable(table))?.indices ?? []) if (index.name) names.add(index.name);
    if (dataSource.options.type === 'postgres') {
      const rows: { indexname: string }[] = await runner.query(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'magekit_stores'`,
      );
      for (const row of rows) names.add(row.indexname);
    }
    return names;
  } finally {
    await runner.release();
  }
}

function runContract(db: TestDatabase): void {
  describe(`store list indexes on ${db.name}`, () => {
    let dataSource: DataSource;
    let drop: () => Promise<void>;
    let harness: TestHarness | undefined;

    beforeEach(async () => {
      ({ dataSource, drop } = await db.open());
    });
    afterEach(async () => {
      await harness?.module.close();
      harness = undefined;
      await drop?.();
    });

    it('creates the list indexes (the trigram search index on PostgreSQL); down() drops them, up() again', async () => {
      const wanted = STORE_LIST_INDEXES.map((index) => index.name);
      if (db.name === 'PostgreSQL') wanted.push(STORE_SEARCH_TRIGRAM_INDEX);
      expect([...(await indexNames(dataSource))]).toEqual(expect.arrayContaining(wanted));
      expect(MAGEKIT_MIGRATIONS.at(-1)).toBe(AddStoreListIndexes1806796800000);
      await dataSource.undoLastMigration();
      const after = await indexNames(dataSource);
      expect(wanted.filter((name) => after.has(name))).toEqual([]);
      await dataSource.runMigrations();
      expect([...(await indexNames(dataSource))]).toEqual(expect.arrayContaining(wanted));
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    });

    it('counts stores per status in one query and searches anywhere in base URL, consumer key, client id and tenant', async () => {
      harness = await createTestModule(dataSource);
      const [a, b] = [makeCallback({ storeBaseUrl: 'https://Alpha-Shop.example.com/' }), makeCallback()];
      await recordCallback(harness.module, 'north', a);
      await recordCallback(harness.module, 'south-tenant', b);
      const ims = await insertImsStore(dataSource, { status: 'failed' });
      const directory = harness.module.get(StoreDirectory);
      expect(await directory.countByStatus()).toEqual({
        total: 3,
        byStatus: { activating: 2, active: 0, failed: 1, needs_reauth: 0, revoked: 0 },
      });
      const search = async (text: string) =>
        (await directory.list({ status: null, search: text, page: 1, pageSize: 20 })).items.map((s) => s.id);
      const storeOf = (key: string) => dataSource.getRepository(StoreEntity).findOneByOrFail({ consumerKey: key });
      const alpha = (await storeOf(a.consumerKey)).id;
      const south = (await storeOf(b.consumerKey)).id;
      expect(await search('pha-sh')).toEqual([alpha]);
      expect(await search(a.consumerKey.slice(5, 20).toUpperCase())).toEqual([alpha]);
      expect(await search('TH-TEN')).toEqual([south]);
      expect(await search(ims.store.imsClientId!.slice(4, 12))).toEqual([ims.store.id]);
      expect(await search('no such store')).toEqual([]);
    });

    if (db.name === 'PostgreSQL')
      it('on PostgreSQL the search LIKE is answered from the trigram index', async () => {
        const runner = dataSource.createQueryRunner();
        try {
          await runner.startTransaction();
          await runner.query('SET LOCAL enable_seqscan = off');
          const plan: { 'QUERY PLAN': string }[] = await runner.query(
            `EXPLAIN SELECT id FROM magekit_stores s WHERE (LOWER(s.store_base_url) LIKE $1 ESCAPE '!' OR LOWER(s.consumer_key) LIKE $1 ESCAPE '!' OR LOWER(s.ims_client_id) LIKE $1 ESCAPE '!' OR LOWER(s.tenant) LIKE $1 ESCAPE '!')`,
            ['%shop!_%'],
          );
          expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain(STORE_SEARCH_TRIGRAM_INDEX);
        } finally {
          await runner.rollbackTransaction();
          await runner.release();
        }
      });
  });
}

runOnTestDatabases('store list indexes', runContract);
