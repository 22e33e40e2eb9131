import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { findKeyRingProblems, MAGEKIT_ENTITIES, MAGEKIT_MIGRATIONS, type KeyRingConfig } from '@magekit/nest';
import { CliError } from '../../cli-error';

/** Flags every service command takes (they override the environment). */
export interface ServiceFlags {
  databaseUrl?: string;
  dataDir?: string;
  /** A generated integration app (`nx g @magekit/nx-plugin:integration <app>`): its DATA_DIR default `.data/<app>`. */
  app?: string;
}

/** An app name as the integration generator accepts it (kebab-case), so that `.data/<app>` stays under `.data`. */
const APP_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * The integration service's database settings, read the way apps/integration reads them (its
 * README, "Configuration"): `DATABASE_URL` (postgres://, postgresql://, mysql://, mariadb://,
 * sqlite:<file>) or SQLite at `DATA_DIR/integration.sqlite`, `DATA_DIR` defaulting to
 * `.data/integration` under the current directory. Only these variables and the keys are read
 * here: the CLI cannot import the app (apps are not libraries).
 *
 * @throws CliError `INVALID_INPUT` for an unusable DATABASE_URL
 */
export function readServiceDatabase(env: Record<string, string | undefined>, flags: ServiceFlags, cwd: string = process.cwd()): { options: DataSourceOptions; description: string } {
  const dataDir = serviceDataDir(env, flags, cwd);
  const url = flags.databaseUrl || env['DATABASE_URL'] || '';
  const common = { entities: [...MAGEKIT_ENTITIES], migrations: [...MAGEKIT_MIGRATIONS], logging: false, synchronize: false };
  const scheme = /^([a-z]+):/i.exec(url)?.[1]?.toLowerCase();
  if (url === '' || scheme === 'sqlite') {
    const file = url === '' ? join(dataDir, 'integration.sqlite') : url.replace(/^sqlite:(\/\/)?/i, '');
    if (file === '') throw new CliError('DATABASE_URL sqlite: needs a file (sqlite:path/to/file.sqlite).', 'INVALID_INPUT');
    const database = file === ':memory:' || isAbsolute(file) ? file : resolve(cwd, file);
    return { options: { ...common, type: 'better-sqlite3', database, timeout: 5000 }, description: `SQLite ${database}` };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') return { options: { ...common, type: 'postgres', url }, description: `PostgreSQL ${withoutPassword(url)}` };
  if (scheme === 'mysql') return { options: { ...common, type: 'mysql', url }, description: `MySQL ${withoutPassword(url)}` };
  if (scheme === 'mariadb') return { options: { ...common, type: 'mariadb', url: url.replace(/^mariadb:/i, 'mysql:') }, description: `MariaDB ${withoutPassword(url)}` };
  throw new CliError(`DATABASE_URL must be postgres://…, mysql://…, mariadb://… or sqlite:<file> (got ${JSON.stringify(withoutPassword(url))}).`, 'INVALID_INPUT', { hint: 'Use the same DATABASE_URL as the integration service, or --database-url.' });
}

/**
 * The service's encryption keys: `MAGEKIT_ENCRYPTION_KEYS` (`id:base64,…`) with `MAGEKIT_ACTIVE_KEY`,
 * else `DATA_DIR/keys.json` as the service wrote it on first start.
 *
 * @throws CliError `INVALID_INPUT` naming every problem; `FILE_NOT_FOUND` without keys
 */
export function readServiceKeys(env: Record<string, string | undefined>, flags: ServiceFlags, cwd: string = process.cwd()): KeyRingConfig {
  const listed = env['MAGEKIT_ENCRYPTION_KEYS'];
  let config: KeyRingConfig;
  if (listed) {
    const keys = Object.fromEntries(listed.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '').map((entry) => [entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':') + 1)]));
    const ids = Object.keys(keys);
    config = { activeKeyId: env['MAGEKIT_ACTIVE_KEY'] || (ids.length === 1 ? ids[0] : ''), keys };
  } else {
    const path = join(serviceDataDir(env, flags, cwd), 'keys.json');
    if (!existsSync(path)) throw new CliError(`No encryption keys: MAGEKIT_ENCRYPTION_KEYS is unset and ${path} does not exist.`, 'FILE_NOT_FOUND', { hint: 'Set the same MAGEKIT_ENCRYPTION_KEYS and MAGEKIT_ACTIVE_KEY as the service, or --data-dir.' });
    try {
      config = JSON.parse(readFileSync(path, 'utf8')) as KeyRingConfig;
    } catch (cause) {
      throw new CliError(`${path} is not valid JSON.`, 'INVALID_INPUT', { cause });
    }
  }
  const problems = findKeyRingProblems(config, listed ? 'MAGEKIT_ENCRYPTION_KEYS' : 'keys.json');
  if (problems.length > 0) throw new CliError(`Invalid encryption keys: ${problems.join('; ')}.`, 'INVALID_INPUT');
  return config;
}

/**
 * The service's DATA_DIR: `--data-dir`, else `.data/<app>` for `--app <app>` (a generated app's
 * default), else `DATA_DIR`, else `.data/integration` (the main service's default); under `cwd`.
 *
 * @throws CliError `INVALID_INPUT` for an `--app` that is not a kebab-case app name
 */
export function serviceDataDir(env: Record<string, string | undefined>, flags: ServiceFlags, cwd: string = process.cwd()): string {
  if (flags.app !== undefined && !APP_NAME.test(flags.app)) {
    throw new CliError(`--app ${JSON.stringify(flags.app)} is not an app name: the kebab-case name the app was generated with (e.g. acme-sync).`, 'INVALID_INPUT');
  }
  const appDir = flags.app === undefined ? undefined : join('.data', flags.app);
  return resolve(cwd, flags.dataDir || appDir || env['DATA_DIR'] || join('.data', 'integration'));
}

function withoutPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}
