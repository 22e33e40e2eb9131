import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { KeyRingConfig, MagentoIntegrationOptions } from '@magekit/nest';
import {
  describeDatabase,
  IntegrationServiceError,
  loadKeys,
  readServiceConfig,
  readStorageSettings,
  toDataSourceOptions,
  toModuleOptions,
  type StorageSettings,
} from '@magekit/service/settings';
import { CliError } from '../../cli-error';
import type { ServiceFlags } from './service-flags';

/** An app name as the integration generator accepts it (kebab-case), so that `.data/<app>` stays under `.data`. */
const APP_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * The integration service's database: its own settings (`readStorageSettings` of
 * `@magekit/service/settings`, the rules the service starts with) with the flags over the
 * environment. `DATABASE_URL` (postgres://, postgresql://, mysql://, mariadb://, sqlite:<file>) or
 * SQLite at `DATA_DIR/integration.sqlite`.
 *
 * @throws CliError `INVALID_INPUT` naming every bad variable
 */
export function readServiceDatabase(
  env: Record<string, string | undefined>,
  flags: ServiceFlags,
  cwd: string = process.cwd(),
): { options: DataSourceOptions; description: string } {
  const { database } = readSettings(env, flags, cwd);
  return { options: toDataSourceOptions(database), description: describeDatabase(database) };
}

/**
 * The service's encryption keys: `MAGEKIT_ENCRYPTION_KEYS` (`id:base64,…`) with `MAGEKIT_ACTIVE_KEY`,
 * else `DATA_DIR/keys.json` as the service wrote it on first start (never created here).
 *
 * @throws CliError `INVALID_INPUT` naming every problem; `FILE_NOT_FOUND` without keys
 */
export function readServiceKeys(
  env: Record<string, string | undefined>,
  flags: ServiceFlags,
  cwd: string = process.cwd(),
): KeyRingConfig {
  const { keys } = readSettings(env, flags, cwd);
  if (keys.kind === 'env') return keys.keys;
  if (!existsSync(keys.path)) {
    throw new CliError(
      `No encryption keys: MAGEKIT_ENCRYPTION_KEYS is unset and ${keys.path} does not exist.`,
      'FILE_NOT_FOUND',
      { hint: 'Set the same MAGEKIT_ENCRYPTION_KEYS and MAGEKIT_ACTIVE_KEY as the service, or --data-dir.' },
    );
  }
  try {
    return loadKeys({ ...keys, mayCreate: false }).keys;
  } catch (error) {
    throw asCliError(error);
  }
}

/**
 * The `MagentoIntegrationModule` options the service runs with (store-URL guard, tenant, required
 * resources, IMS token endpoint, from its environment: `toModuleOptions` of
 * `@magekit/service/settings`), with `keys`: what `stores add-saas` registers a store with.
 *
 * @throws CliError `INVALID_INPUT` naming every bad variable
 */
export function readServiceModuleOptions(
  env: Record<string, string | undefined>,
  flags: ServiceFlags,
  keys: KeyRingConfig,
  cwd: string = process.cwd(),
): MagentoIntegrationOptions {
  const dataDir = serviceDataDir(env, flags, cwd);
  try {
    const config = readServiceConfig(
      { ...env, DATA_DIR: dataDir, DATABASE_URL: flags.databaseUrl || env['DATABASE_URL'] },
      cwd,
    );
    return toModuleOptions(config, keys);
  } catch (error) {
    throw asCliError(error);
  }
}

/**
 * The service's Redis (`REDIS_URL`) and tenant, to tell running instances about revoked API
 * tokens over the channel they listen on; null without `REDIS_URL`.
 *
 * @throws CliError `INVALID_INPUT` naming every bad variable
 */
export function readServiceRedis(
  env: Record<string, string | undefined>,
  flags: ServiceFlags,
  cwd: string = process.cwd(),
): { url: string; tenant: string } | null {
  if (!env['REDIS_URL']) return null;
  try {
    const config = readServiceConfig(
      { ...env, DATA_DIR: serviceDataDir(env, flags, cwd), DATABASE_URL: flags.databaseUrl || env['DATABASE_URL'] },
      cwd,
    );
    return config.redisUrl ? { url: config.redisUrl, tenant: config.tenant } : null;
  } catch (error) {
    throw asCliError(error);
  }
}

function readSettings(env: Record<string, string | undefined>, flags: ServiceFlags, cwd: string): StorageSettings {
  const dataDir = serviceDataDir(env, flags, cwd);
  try {
    return readStorageSettings(
      { ...env, DATA_DIR: dataDir, DATABASE_URL: flags.databaseUrl || env['DATABASE_URL'] },
      cwd,
    );
  } catch (error) {
    throw asCliError(error);
  }
}

/** The service's own error as the CLI's, with its message and hint. */
function asCliError(error: unknown): unknown {
  if (!(error instanceof IntegrationServiceError)) return error;
  return new CliError(error.message, 'INVALID_INPUT', {
    hint: error.hint ?? 'Use the same environment as the integration service, or --database-url / --data-dir.',
    cause: error,
  });
}

/**
 * The service's DATA_DIR: `--data-dir`, else `.data/<app>` for `--app <app>` (a generated app's
 * default), else `DATA_DIR`, else `.data/integration` (the main service's default); under `cwd`.
 *
 * @throws CliError `INVALID_INPUT` for an `--app` that is not a kebab-case app name
 */
export function serviceDataDir(
  env: Record<string, string | undefined>,
  flags: ServiceFlags,
  cwd: string = process.cwd(),
): string {
  if (flags.app !== undefined && !APP_NAME.test(flags.app)) {
    throw new CliError(
      `--app ${JSON.stringify(flags.app)} is not an app name: the kebab-case name the app was generated with (e.g. acme-sync).`,
      'INVALID_INPUT',
    );
  }
  const appDir = flags.app === undefined ? undefined : join('.data', flags.app);
  return resolve(cwd, flags.dataDir || appDir || env['DATA_DIR'] || join('.data', 'integration'));
}
