import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { createApiToken } from './admin/api-tokens';
import { MAGEKIT_ENTITIES } from './entities';
import { MagentoIntegrationModule } from './magento-integration.module';
import { MAGEKIT_MIGRATIONS } from './migrations';
import { createMagekitDataSource } from './storage/create-data-source';
import { listTestDatabases } from './test-support/test-databases';
import { TEST_KEYS, testOptions } from './test-support/test-app';
import { MAGEKIT_CONFIG } from './tokens';
import type { ResolvedMagentoOptions } from './config/module-options';

describe('MagentoIntegrationModule', () => {
  async function boot(module: ReturnType<typeof MagentoIntegrationModule.forRoot>) {
    const { dataSource, drop } = await listTestDatabases()[0].open();
    try {
      const testing = await Test.createTestingModule({
        imports: [
          TypeOrmModule.forRootAsync({
            useFactory: () => dataSource.options,
            dataSourceFactory: async () => dataSource,
          }),
          module,
        ],
      }).compile();
      const config = testing.get<ResolvedMagentoOptions>(MAGEKIT_CONFIG);
      await testing.close();
      return config;
    } finally {
      await drop();
    }
  }

  it('forRoot validates the options at boot and names every bad key in one message', async () => {
    const bad = {
      encryption: { activeKeyId: 'k2', keys: { k1: 'short' } },
      storeUrl: { allowedNetworks: ['nope'] },
      consumerWindowSeconds: 0,
      probe: { path: 'storeConfigs' },
      tenants: ['ok', 'not ok'],
    };
    await expect(boot(MagentoIntegrationModule.forRoot(bad))).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      message:
        'Invalid MagentoIntegrationModule options: encryption.keys.k1 must be base64 of 32 bytes (e.g. `openssl rand -base64 32`); encryption.activeKeyId "k2" is not one of encryption.keys; ' +
        'storeUrl.allowedNetworks: "nope" is not an IPv4/IPv6 address or CIDR; tenants: "not ok" must be 1-64 letters, digits, _ or -; consumerWindowSeconds must be an integer >= 1; probe.path must start with /V1/ (e.g. /V1/store/storeConfigs).',
    });
  });

  it('forRoot fills the defaults', async () => {
    const config = await boot(MagentoIntegrationModule.forRoot({ encryption: TEST_KEYS }));
    expect(config).toMatchObject({
      consumerWindowMs: 300_000,
      handshake: { timeoutMs: 10_000, maxAttempts: 4, baseDelayMs: 1000 },
      probe: { path: '/V1/store/storeConfigs', intervalMs: 3_600_000, timeoutMs: 15_000 },
      sweepIntervalMs: 30_000,
      tenants: null,
    });
  });

  it('forRootAsync takes the options from a factory', async () => {
    const config = await boot(
      MagentoIntegrationModule.forRootAsync({
        useFactory: async () => testOptions({ tenants: ['acme'], consumerWindowSeconds: 600 }),
      }),
    );
    expect(config).toMatchObject({ tenants: ['acme'], consumerWindowMs: 600_000 });
  });

  it('boots as in the README: TypeORM through createMagekitDataSource with the migrations run by Nest', async () => {
    const testing = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'better-sqlite3',
            database: ':memory:',
            entities: [...MAGEKIT_ENTITIES],
            migrations: [...MAGEKIT_MIGRATIONS],
            migrationsRun: true,
          }),
          dataSourceFactory: async (options) => createMagekitDataSource(options!),
        }),
        MagentoIntegrationModule.forRoot({ encryption: TEST_KEYS, probe: { intervalMs: 0 }, sweepIntervalMs: 0 }),
      ],
    }).compile();
    const app = testing.createNestApplication({ logger: false });
    await app.init();
    try {
      const { token } = await createApiToken(app.get(DataSource), 'readme');
      const page = await request(app.getHttpServer())
        .get('/api/stores')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(page.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    } finally {
      await app.close();
    }
  });
});
