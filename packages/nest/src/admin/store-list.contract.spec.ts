import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { StoreEntity, VendorAccountEntity } from '../entities';
import { insertImsStore } from '../test-support/ims-stores';
import { createTestModule, type TestHarness } from '../test-support/test-app';
import { runOnTestDatabases, type TestDatabase } from '../test-support/test-databases';
import { MAGEKIT_CONFIG } from '../tokens';
import { StoreDirectory } from './store-directory.service';
import type { StoreQuery } from './store-query';
import { toStoreDto } from './to-store-dto';

const at = (minute: number, ms = 0) => new Date(Date.UTC(2025, 0, 1, 12, minute, 0, ms));

const FACTS = JSON.stringify({
  storeViews: [
    {
      id: 1,
      code: 'default',
      websiteId: 1,
      locale: 'en_US',
      baseCurrency: 'EUR',
      timezone: null,
      baseUrl: null,
      secureBaseUrl: null,
    },
  ],
  baseUrls: ['https://shop.example.com/'],
  probePath: '/rest/V1/store/storeConfigs',
  resources: [{ resource: 'Magento_Catalog::products', granted: true }],
});

/** OAuth stores as the handshake leaves them: ciphertexts are opaque text to the list. */
function oauthStore(overrides: Partial<StoreEntity>): Partial<StoreEntity> {
  return {
    authKind: 'oauth1',
    edition: 'paas',
    consumerKey: randomUUID().replace(/-/g, ''),
    consumerSecretEnc: 'mk1.consumer-secret',
    storeBaseUrl: `https://${randomUUID().slice(0, 8)}.shop.example.com/`,
    saasUrlHash: null,
    imsClientId: null,
    imsClientSecretEnc: null,
    imsOrgId: null,
    accessTokenEnc: 'mk1.token',
    accessTokenSecretEnc: 'mk1.token-secret',
    ...overrides,
  };
}

/** Stores covering every branch of the mapping: credentials held or not, IMS or OAuth, facts, accounts, null dates. */
async function seedStores(dataSource: DataSource): Promise<void> {
  const account = { id: randomUUID(), email: 'owner@example.com', name: 'Owner', passwordHash: 'x', disabledAt: null };
  await dataSource.getRepository(VendorAccountEntity).insert({ ...account, createdAt: at(0), updatedAt: at(0) });
  const rows: Partial<StoreEntity>[] = [
    oauthStore({
      status: 'active',
      facts: FACTS,
      lastProbedAt: at(30, 123),
      vendorAccountId: account.id,
      createdAt: at(1, 5),
    }),
    oauthStore({
      status: 'activating',
      accessTokenEnc: null,
      accessTokenSecretEnc: null,
      activatedAt: null,
      createdAt: at(2),
    }),
    oauthStore({
      status: 'failed',
      accessTokenEnc: '',
      statusCode: 'SIGNATURE_INVALID',
      statusReason: 'Bad',
      statusHint: 'Fix',
      createdAt: at(3),
    }),
    oauthStore({
      status: 'active',
      facts: '{"probePath":"/rest/V1"}',
      signatureProfile: 'laminas',
      createdAt: at(4, 999),
    }),
    oauthStore({ status: 'needs_reauth', facts: 'not json', consumerSecretEnc: null, createdAt: at(4, 999) }),
    {
      status: 'active',
      imsScopes: 'commerce.accs,openid',
      imsTokenUrl: 'https://ims.example.com/token',
      vendorAccountId: account.id,
      createdAt: at(5),
    },
    { status: 'revoked', imsClientSecretEnc: null, imsOrgId: null, createdAt: at(6) },
    { status: 'active', imsClientSecretEnc: '', tenant: 'south', createdAt: at(7, 1) },
    { status: 'failed', imsClientId: null, createdAt: at(7, 1) },
  ];
  for (const overrides of rows) await insertImsStore(dataSource, { updatedAt: at(40, 7), ...overrides });
}

/**
 * The page as the entity mapping (`toStoreDto`, used by the store detail) shows it: entities in the
 * database's order (MariaDB's uuid type sorts otherwise than the text), filtered and paged in code.
 */
async function expectedPage(dataSource: DataSource, query: StoreQuery, imsTokenUrl: string): Promise<string> {
  const accounts = new Map(
    (await dataSource.getRepository(VendorAccountEntity).find()).map((account) => [account.id, account]),
  );
  const term = query.search?.toLowerCase() ?? '';
  const matches = (await dataSource.getRepository(StoreEntity).find({ order: { createdAt: 'DESC', id: 'DESC' } }))
    .filter((store) => !query.status || store.status === query.status)
    .filter((store) =>
      [store.storeBaseUrl, store.consumerKey, store.imsClientId, store.tenant].some((value) =>
        (value ?? '').toLowerCase().includes(term),
      ),
    );
  const start = (query.page - 1) * query.pageSize;
  return JSON.stringify({
    items: matches
      .slice(start, start + query.pageSize)
      .map((store) => toStoreDto(store, accounts.get(store.vendorAccountId ?? ''), imsTokenUrl)),
    total: matches.length,
    page: query.page,
    pageSize: query.pageSize,
  });
}

function runContract(db: TestDatabase): void {
  describe(`store list on ${db.name}`, () => {
    let dataSource: DataSource;
    let drop: () => Promise<void>;
    let harness: TestHarness;

    beforeAll(async () => {
      ({ dataSource, drop } = await db.open());
      harness = await createTestModule(dataSource);
      await seedStores(dataSource);
    });
    afterAll(async () => {
      await harness?.module.close();
      await drop?.();
    });

    it.each<Partial<StoreQuery>>([
      {},
      { pageSize: 4 },
      { page: 2, pageSize: 4 },
      { page: 3, pageSize: 4 },
      { page: 9, pageSize: 4 },
      { status: 'active' },
      { status: 'failed', pageSize: 1 },
      { search: 'SHOP.EXAMPLE' },
      { search: 'south', status: 'active' },
      { search: '100%_!' },
    ])('answers %j byte for byte as the entity mapping does', async (partial) => {
      const query: StoreQuery = { status: null, search: null, page: 1, pageSize: 20, ...partial };
      const imsTokenUrl = harness.module.get<ResolvedMagentoOptions>(MAGEKIT_CONFIG).ims.tokenUrl;
      const actual = JSON.stringify(await harness.module.get(StoreDirectory).list(query));
      expect(actual).toBe(await expectedPage(dataSource, query, imsTokenUrl));
    });

    it('covers both credential states and a vendor account, and shows no ciphertext', async () => {
      const page = await harness.module.get(StoreDirectory).list({ status: null, search: null, page: 1, pageSize: 20 });
      expect(page.total).toBe(9);
      expect(page.items.filter((store) => store.hasAccessToken)).toHaveLength(3);
      expect(page.items.filter((store) => store.vendorAccount !== null)).toHaveLength(2);
      expect(JSON.stringify(page)).not.toContain('mk1.');
    });
  });
}

runOnTestDatabases('store list', runContract);
