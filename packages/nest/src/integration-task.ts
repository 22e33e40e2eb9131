import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { MagentoIntegrationOptions } from './config/module-options';
import { StoreDirectory } from './admin/store-directory.service';
import type { StoreDetailDto } from './admin/store-detail.dto';
import { MagentoIntegrationModule } from './magento-integration.module';
import { SaasStoreRegistrar, type SaasRegistration } from './stores/saas-store-registrar';

/** Gives the module an already open DataSource (in place of `TypeOrmModule.forRoot`, which would close it). */
@Module({})
class OpenDataSourceModule {
  static of(dataSource: DataSource): DynamicModule {
    return {
      module: OpenDataSourceModule,
      global: true,
      providers: [{ provide: DataSource, useValue: dataSource }],
      exports: [DataSource],
    };
  }
}

@Module({})
class MagentoIntegrationTaskModule {}

/**
 * Runs `work` with `MagentoIntegrationModule` booted over an open, migrated DataSource, without an
 * HTTP server and with the module's timers off (sweeper, probe timer): one-off work outside the
 * running service, with the service's own rules (store-URL guard, encryption, probes), e.g. the
 * CLI's `magekit stores add-saas`. The context is closed afterwards; the DataSource stays open.
 *
 * @throws MagentoIntegrationError `INVALID_CONFIG` for bad options; whatever `work` throws.
 */
export async function withMagentoIntegration<T>(
  dataSource: DataSource,
  options: MagentoIntegrationOptions,
  work: (context: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const context = await NestFactory.createApplicationContext(
    {
      module: MagentoIntegrationTaskModule,
      imports: [
        OpenDataSourceModule.of(dataSource),
        MagentoIntegrationModule.forRoot({
          ...options,
          sweepIntervalMs: 0,
          probe: { ...options.probe, intervalMs: 0 },
        }),
      ],
    },
    { logger: false, abortOnError: false },
  );
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/** A registration with the store as the admin API shows it. */
export interface SaasStoreRegistered extends Omit<SaasRegistration, 'storeId'> {
  store: StoreDetailDto;
}

/**
 * Registers an Adobe Commerce as a Cloud Service store outside the running service, as
 * `POST /api/stores/saas` does (validated, URLs guarded, secret encrypted, probed at once): for
 * the CLI. `input` has the fields of that request (`url`, `clientId`, `clientSecret`, `orgId`,
 * optional `scopes`, `tokenUrl`, `tenant`).
 *
 * @throws MagentoIntegrationError `INVALID_INPUT`, `STORE_URL_REFUSED`, `INVALID_CONFIG`
 */
export function registerSaasStore(
  dataSource: DataSource,
  options: MagentoIntegrationOptions,
  input: Record<string, unknown>,
): Promise<SaasStoreRegistered> {
  return withMagentoIntegration(dataSource, options, async (context) => {
    const { storeId, ...registration } = await context.get(SaasStoreRegistrar).register(input);
    return { ...registration, store: await context.get(StoreDirectory).detail(storeId) };
  });
}
