import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { loadStockModel } from '@magekit/acl';
import { randomBytes } from 'node:crypto';
import { ActivityLogService } from './admin/activity-log.service';
import { AdminPageController } from './admin/admin-page.controller';
import { AdminController } from './admin/admin.controller';
import { AdminTokenGuard } from './admin/admin-token.guard';
import { ASYNC_PROVIDERS } from './async/async.providers';
import { CATALOG_CONTROLLERS, CATALOG_PROVIDERS } from './catalog/catalog.providers';
import { CLOCK, RANDOM_BYTES, systemClock } from './common/clock';
import { FETCH, MAGENTO_MODEL, SandboxRuntime } from './common/sandbox-runtime';
import { SANDBOX_OPTIONS, type SandboxOptions } from './config/sandbox-options';
import { CUSTOMERS_CONTROLLERS, CUSTOMERS_PROVIDERS } from './customers/customers.providers';
import { SANDBOX_ENTITIES } from './db/entities';
import { DIRECTORY_PROVIDERS } from './directory/directory.providers';
import { ActivationService } from './integrations/activation.service';
import { IntegrationService } from './integrations/integration.service';
import { OAuthStoreService } from './oauth/oauth-store.service';
import { OAuthTokenController } from './oauth/oauth-token.controller';
import { OAuthTokenService } from './oauth/oauth-token.service';
import { CallerResolverService } from './rest/caller-resolver.service';
import { RestDispatchService } from './rest/rest-dispatch.service';
import { RestHandlerRegistry } from './rest/rest-handler.registry';
import { RestController } from './rest/rest.controller';
import { saasProviders, selectEditionControllers, selectEditionModel } from './saas/saas.providers';
import { SALES_CONTROLLERS, SALES_PROVIDERS } from './sales/sales.providers';
import { SeedService } from './seed/seed.service';
import { FaultService } from './settings/fault.service';
import { SettingsService } from './settings/settings.service';
import { StoreRoutesService } from './store/store-routes.service';
import { JwtTokenService } from './tokens/jwt-token.service';
import { TOKENS_CONTROLLERS, TOKENS_PROVIDERS } from './tokens/tokens.providers';

/** The whole sandbox store as one Nest module; {@link createSandboxApp} is the usual entry. */
@Module({})
export class SandboxModule {
  static forRoot(options: SandboxOptions): DynamicModule {
    return {
      module: SandboxModule,
      imports: [
        // The sandbox's data is disposable: the schema is built from the entities on start.
        TypeOrmModule.forRoot({
          type: 'better-sqlite3',
          database: options.database,
          entities: SANDBOX_ENTITIES,
          synchronize: true,
          enableWAL: options.database !== ':memory:',
          // SQLite's default page cache is 2 MB: a file of 50,000 products (about 45 MB) would be read
          // from the file again for every `LIMIT … OFFSET` page. 128 MB holds the largest seed (100,000).
          prepareDatabase: (db: { pragma(source: string): unknown }) => void db.pragma('cache_size = -131072'),
        }),
        TypeOrmModule.forFeature(SANDBOX_ENTITIES),
      ],
      controllers: selectEditionControllers(options, [
        OAuthTokenController,
        AdminController,
        AdminPageController,
        ...TOKENS_CONTROLLERS,
        ...CATALOG_CONTROLLERS,
        ...CUSTOMERS_CONTROLLERS,
        ...SALES_CONTROLLERS,
        RestController,
      ]),
      providers: [
        { provide: SANDBOX_OPTIONS, useValue: options },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: RANDOM_BYTES, useValue: options.randomBytes ?? ((size: number) => randomBytes(size)) },
        { provide: MAGENTO_MODEL, useFactory: () => selectEditionModel(options, options.magento ?? loadStockModel()) },
        { provide: FETCH, useValue: options.fetch ?? fetch },
        SandboxRuntime,
        ActivityLogService,
        AdminTokenGuard,
        SettingsService,
        FaultService,
        OAuthStoreService,
        IntegrationService,
        ActivationService,
        OAuthTokenService,
        JwtTokenService,
        CallerResolverService,
        RestHandlerRegistry,
        RestDispatchService,
        SeedService,
        StoreRoutesService,
        ...TOKENS_PROVIDERS,
        ...CATALOG_PROVIDERS,
        ...CUSTOMERS_PROVIDERS,
        ...SALES_PROVIDERS,
        ...ASYNC_PROVIDERS,
        ...DIRECTORY_PROVIDERS,
        ...saasProviders(options),
      ],
    };
  }
}
