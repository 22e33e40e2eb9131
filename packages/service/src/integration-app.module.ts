import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MagentoIntegrationModule, type MagentoIntegrationOptions } from '@magekit/nest';
import { DASHBOARD_BUILD, RootController } from './dashboard/root.controller';
import type { DashboardBuild } from './dashboard/find-dashboard';
import { HealthController } from './health/health.controller';
import { requestLogContext } from './logging/request-log';
import { MaintenanceQueue } from './queue/maintenance-queue';
import { SERVICE_CONTEXT, type ServiceContext } from './service-context';
import { THROTTLE_SETUP, type ThrottleSetup } from './throttle/throttle-storage';
import { ThrottleStorageShutdown } from './throttle/throttle-storage-shutdown';
import { TOKEN_INVALIDATION_SETUP, type TokenInvalidationSetup } from './api-tokens/token-invalidation-setup';
import { TokenInvalidationShutdown } from './api-tokens/token-invalidation-shutdown';

/** What {@link IntegrationAppModule.create} wires together. */
export interface AppModuleInput {
  context: ServiceContext;
  magento: MagentoIntegrationOptions;
  dashboard: DashboardBuild | null;
  /** The request-limit counters' storage, closed on shutdown. */
  throttle: ThrottleSetup;
  /** The API token invalidation bus's Redis connections (with `REDIS_URL`), closed on shutdown. */
  tokenInvalidation?: TokenInvalidationSetup;
}

/**
 * The integration service: nestjs-pino's request context on the service's logger, @magekit/nest's
 * module on the already migrated DataSource, `/health`, the BullMQ maintenance queue, the
 * dashboard build (or a page saying how to build it), and the closing of the request-limit
 * counters' and the API token invalidation bus's Redis connections.
 */
@Module({})
export class IntegrationAppModule {
  static create({ context, magento, dashboard, throttle, tokenInvalidation }: AppModuleInput): DynamicModule {
    const { dataSource } = context;
    const controllers: Type[] = [HealthController];
    if (!dashboard || dashboard.base !== '/') controllers.push(RootController);
    return {
      module: IntegrationAppModule,
      imports: [
        requestLogContext(context.logger.pino),
        TypeOrmModule.forRootAsync({ useFactory: () => dataSource.options, dataSourceFactory: async () => dataSource }),
        MagentoIntegrationModule.forRoot(magento),
        ...(dashboard
          ? [
              ServeStaticModule.forRoot({
                rootPath: dashboard.dir,
                serveRoot: dashboard.base.replace(/\/$/, ''),
                serveStaticOptions: { index: 'index.html', fallthrough: true },
              }),
            ]
          : []),
      ],
      controllers,
      providers: [
        { provide: SERVICE_CONTEXT, useValue: context },
        { provide: DASHBOARD_BUILD, useValue: dashboard },
        { provide: THROTTLE_SETUP, useValue: throttle },
        MaintenanceQueue,
        ThrottleStorageShutdown,
        ...(tokenInvalidation
          ? [{ provide: TOKEN_INVALIDATION_SETUP, useValue: tokenInvalidation }, TokenInvalidationShutdown]
          : []),
      ],
    };
  }
}
