import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { MagentoIntegrationModule, ServiceInfoModule, type MagentoIntegrationOptions } from '@magekit/nest';
import { formatBanner, serviceUrls, type ServiceUrls } from './banner';
import { loadKeys, type LoadedKeys } from './config/key-file';
import { readServiceConfig, type ServiceConfig } from './config/service-config';
import { toModuleOptions } from './config/module-options';
import { findDashboard } from './dashboard/find-dashboard';
import { setUpApiDocs } from './http/api-docs';
import { applyHttpSurface } from './http/http-surface';
import { listenOnPort } from './http/listen';
import { IntegrationAppModule } from './integration-app.module';
import { ServiceLogger } from './logging/service-logger';
import { probeSchedulerFor } from './queue/maintenance-queue';
import type { ServiceContext } from './service-context';
import { describeService, type ServiceIdentity } from './service-identity';
import { describeDatabase, toDataSourceOptions } from './storage/data-source-options';
import type { FirstStartCredentials } from './storage/first-start';
import { openDatabase } from './storage/open-database';
import { prepareSqliteFile, restrictSqliteFiles } from './storage/sqlite-file';
import { createThrottleSetup } from './throttle/throttle-storage';
import { createTokenInvalidationSetup } from './api-tokens/token-invalidation-setup';

/** How {@link startIntegrationService} runs (everything but `env` is for tests and embedding). */
export interface StartServiceOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Merged over the module options derived from the environment. */
  magento?: Partial<MagentoIntegrationOptions>;
  /**
   * The app's own Nest modules (jobs, controllers), imported next to MagentoIntegrationModule. Their
   * providers can inject its exports (`StoreClientFactory`, `StoreDirectory`, …) and the TypeORM
   * connection (`TypeOrmModule.forFeature([StoreEntity])`).
   */
  imports?: Array<DynamicModule | Type>;
  /**
   * A generated app's name (`nx g @magekit/nx-plugin:integration <app>`): the name in the banner,
   * the dashboard header (`GET /api/service`) and the API docs, and `--app <app>` in the magekit
   * commands the banner prints. Unset: "magekit integration service".
   */
  app?: string;
  /** The version `GET /api/service` and the API docs give (default @magekit/service's). */
  version?: string;
  /** Where JSON log lines go (default stdout), one line (ending in `\n`) per call. */
  log?: (line: string) => void;
  /** Where the banner goes (default stdout). */
  print?: (text: string) => void;
  queue?: Partial<ServiceContext['queue']>;
  /** Print first-start credentials (default: outside production, or when stdout is a terminal); else they go to a 0600 file in DATA_DIR. */
  showCredentials?: boolean;
}

/** A started service. */
export interface RunningService {
  app: INestApplication;
  config: ServiceConfig;
  dataSource: DataSource;
  keys: LoadedKeys;
  port: number;
  urls: ServiceUrls;
  identity: ServiceIdentity;
  firstStart: FirstStartCredentials | null;
  logger: ServiceLogger;
  close(): Promise<void>;
}

/**
 * Reads the configuration, loads (or on first start creates) the encryption key, opens and
 * migrates the database, starts the Nest app and prints the URLs to paste into Magento.
 *
 * @throws IntegrationServiceError `INVALID_CONFIG`, `KEY_FILE`, `DATABASE_UNAVAILABLE`
 */
export async function startIntegrationService(options: StartServiceOptions = {}): Promise<RunningService> {
  const config = readServiceConfig(options.env ?? process.env, options.cwd);
  const identity = describeService(options);
  const logger = new ServiceLogger({ level: config.logLevel, write: options.log });
  const keys = loadKeys(config.keys);
  if (keys.origin === 'created')
    logger.warn(
      {
        msg: 'Generated an encryption key on first start (development only: set MAGEKIT_ENCRYPTION_KEYS in production and keep a backup).',
        path: keys.path,
      },
      'Config',
    );
  if (keys.warning) logger.warn(keys.warning, 'Config');
  if (config.database.type === 'better-sqlite3') prepareSqliteFile(config.database.database);
  const database = describeDatabase(config.database);
  const opened = await openDatabase(toDataSourceOptions(config.database), database);
  if (config.database.type === 'better-sqlite3') restrictSqliteFiles(config.database.database);
  if (opened.migrations.length > 0) logger.info('migrations run', { migrations: opened.migrations }, 'Database');
  const throttle = createThrottleSetup(config, logger);
  const tokenInvalidation = createTokenInvalidationSetup(config, logger);
  let app: INestApplication | null = null;
  try {
    const dashboard = findDashboard(config.dashboardDir);
    const context: ServiceContext = {
      config,
      dataSource: opened.dataSource,
      logger,
      queue: { probeIntervalMs: 60_000, prefix: 'magekit', ...options.queue },
    };
    const magento: MagentoIntegrationOptions = {
      ...toModuleOptions(config, keys.keys),
      ...throttle.options,
      ...options.magento,
      apiTokens: { ...tokenInvalidation.options.apiTokens, ...options.magento?.apiTokens },
    };
    magento.probe = { scheduler: probeSchedulerFor(config.redisUrl), ...options.magento?.probe };
    const imports = options.imports ?? [];
    const appModule = IntegrationAppModule.create({ context, magento, dashboard, throttle, tokenInvalidation });
    const root = withImports(
      {
        ...appModule,
        imports: [
          ...(appModule.imports ?? []),
          ServiceInfoModule.forRoot({ name: identity.name, version: identity.version }),
        ],
      },
      imports,
    );
    const created = await NestFactory.create<NestExpressApplication>(root, {
      logger,
      abortOnError: false,
      bodyParser: false,
    });
    app = created;
    applyHttpSurface(created, config, logger);
    setUpApiDocs(created, config.apiDocs, {
      name: identity.name,
      version: identity.version,
      include: imports.map(moduleClassOf),
    });
    await listenOnPort(created, config.port, config.host);
    const port = (app.getHttpServer().address() as { port: number }).port;
    const urls = serviceUrls(config.publicUrl ?? `http://localhost:${port}`, config.tenant, dashboard?.base ?? null);
    logger.info(
      'ready',
      { name: identity.name, ...urls, port, host: config.host, database, firstStart: opened.firstStart !== null },
      'Service',
    );
    const print = options.print ?? ((text: string) => void process.stdout.write(text));
    const show = options.showCredentials ?? (!config.production || process.stdout.isTTY === true);
    if (opened.firstStart && !show)
      logger.warn(
        {
          msg: 'First-start credentials written to a file (not printed in production)',
          path: writeCredentialsFile(config.dataDir, opened.firstStart),
        },
        'Service',
      );
    print(formatBanner(urls, database, show ? opened.firstStart : null, identity));
    const running = app;
    return {
      app: running,
      config,
      dataSource: opened.dataSource,
      keys,
      port,
      urls,
      identity,
      firstStart: opened.firstStart,
      logger,
      close: () => running.close(),
    };
  } catch (error) {
    if (app) await app.close().catch(() => undefined);
    else
      await Promise.all([
        opened.dataSource.destroy().catch(() => undefined),
        throttle.close(),
        tokenInvalidation.close(),
      ]);
    throw error;
  }
}

/** The module class of an import (a dynamic module's `module`), as the OpenAPI document's `include` takes it. */
function moduleClassOf(entry: DynamicModule | Type): Type {
  return 'module' in entry ? entry.module : entry;
}

/** The app module with the app's own modules added; MagentoIntegrationModule is then global, so they can inject its exports. */
function withImports(root: DynamicModule, imports: ReadonlyArray<DynamicModule | Type>): DynamicModule {
  if (imports.length === 0) return root;
  const shared = (root.imports ?? []).map((entry) =>
    'module' in entry && entry.module === MagentoIntegrationModule ? { ...entry, global: true } : entry,
  );
  return { ...root, imports: [...shared, ...imports] };
}

function writeCredentialsFile(dataDir: string, credentials: FirstStartCredentials): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'first-start-credentials.txt');
  writeFileSync(
    path,
    `API token: ${credentials.apiToken}\nVendor account: ${credentials.account.email} / ${credentials.account.password}\nDelete this file once you have stored them.\n`,
    { mode: 0o600 },
  );
  chmodSync(path, 0o600);
  return path;
}
