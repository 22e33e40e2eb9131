import type { DataSource } from 'typeorm';
import { StoreEntity, VendorAccountEntity } from '../entities';
import { IdentityLinker } from '../identity/identity-linker';
import { createVendorAccount } from '../identity/vendor-accounts';
import { StoreHealthService } from '../stores/store-health.service';
import { makeCallback, recordCallback } from '../test-support/callbacks';
import { insertImsStore } from '../test-support/ims-stores';
import { createTestModule, testOptions, type TestHarness } from '../test-support/test-app';
import { runOnTestDatabases, type TestDatabase } from '../test-support/test-databases';
import { StoreDirectory } from './store-directory.service';
import type { StorePageDto } from './store-view.dto';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const ALL = { status: null, search: null, page: 1, pageSize: 20 };

/** A write the module's listeners cannot see: plain SQL, as another process would write it. */
async function renameBehindTypeOrm(dataSource: DataSource, id: string, reason: string): Promise<void> {
  const p = (index: number) => dataSource.driver.createParameter(`p${index}`, index);
  await dataSource.query(`UPDATE magekit_stores SET status_reason = ${p(0)} WHERE id = ${p(1)}`, [reason, id]);
}

function runContract(db: TestDatabase): void {
  describe(`store list cache on ${db.name}`, () => {
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

    /** The list as the API gives it; the harness clock never moves by itself, so only a clear can refresh it. */
    const list = (): Promise<StorePageDto> => harness!.module.get(StoreDirectory).list(ALL);
    const storeOf = async (page: Promise<StorePageDto>, id: string) => (await page).items.find((s) => s.id === id);

    it('serves the cached answer until listCacheMs has passed when nothing this instance writes changes it', async () => {
      harness = await createTestModule(dataSource);
      const { store } = await insertImsStore(dataSource);
      expect((await list()).total).toBe(1);
      await renameBehindTypeOrm(dataSource, store.id, 'changed elsewhere');
      expect((await storeOf(list(), store.id))?.statusReason).toBeNull();
      harness.clock.advance(999);
      expect((await storeOf(list(), store.id))?.statusReason).toBeNull();
      harness.clock.advance(1);
      expect((await storeOf(list(), store.id))?.statusReason).toBe('changed elsewhere');
    });

    it('with listCacheMs: 0 every list reads the database', async () => {
      harness = await createTestModule(dataSource, testOptions({ admin: { listCacheMs: 0 } }));
      const { store } = await insertImsStore(dataSource);
      expect((await list()).total).toBe(1);
      await renameBehindTypeOrm(dataSource, store.id, 'changed elsewhere');
      expect((await storeOf(list(), store.id))?.statusReason).toBe('changed elsewhere');
    });

    it('shows the writes of the services at once: a callback, a revocation, a sign-in link, account changes', async () => {
      harness = await createTestModule(dataSource);
      expect((await list()).total).toBe(0);
      const callback = makeCallback();
      await recordCallback(harness.module, 'north', callback);
      const [store] = (await list()).items;
      expect(store).toMatchObject({ consumerKey: callback.consumerKey, status: 'activating', vendorAccount: null });

      await harness.module.get(StoreHealthService).revoke(store.id);
      expect(await storeOf(list(), store.id)).toMatchObject({ status: 'revoked', hasAccessToken: false });

      const account = await createVendorAccount(
        dataSource,
        { email: 'owner@example.com', name: 'Owner', password: 'long enough password' },
        FAST,
      );
      expect((await list()).total).toBe(1);
      await harness.module.get(IdentityLinker).link('north', callback.consumerKey, account.id);
      expect((await storeOf(list(), store.id))?.vendorAccount).toEqual(account);

      await dataSource.getRepository(VendorAccountEntity).update({ id: account.id }, { name: 'Renamed' });
      expect((await storeOf(list(), store.id))?.vendorAccount?.name).toBe('Renamed');

      await dataSource
        .createQueryBuilder()
        .delete()
        .from(VendorAccountEntity)
        .where('id = :id', { id: account.id })
        .execute();
      expect((await storeOf(list(), store.id))?.vendorAccount).toBeNull();

      await dataSource.getRepository(StoreEntity).delete({ id: store.id });
      expect((await list()).total).toBe(0);
    });

    it('drops a list read while a transaction that wrote a store was open once it commits', async () => {
      harness = await createTestModule(dataSource);
      const { store } = await insertImsStore(dataSource);
      expect((await list()).total).toBe(1);
      await dataSource.transaction(async (manager) => {
        await manager.getRepository(StoreEntity).update({ id: store.id }, { statusReason: 'committed' });
        await list();
      });
      expect((await storeOf(list(), store.id))?.statusReason).toBe('committed');
    });
  });
}

runOnTestDatabases('store list cache', runContract);
