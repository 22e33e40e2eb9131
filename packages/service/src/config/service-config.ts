import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import {
  AclError,
  loadStockModel,
  planCallsFile,
  sortInTreeOrder,
  STOCK_RELEASE,
  type MagentoModel,
} from '@magekit/acl';
import type { KeyRingConfig } from '@magekit/nest';
import { readCallsFile as readCallsFileOnDisk } from '@magekit/acl/node';
import { IntegrationServiceError } from '../service-error';
import {
  apiDocsField,
  booleanField,
  databasePoolSizeField,
  databaseUrlField,
  encryptionKeysField,
  hostField,
  imsTokenUrlField,
  listCacheMsField,
  logLevelField,
  networksField,
  optional,
  portField,
  positiveIntegerField,
  publicUrlField,
  redisUrlField,
  tenantField,
  trustProxyField,
  type TrustProxy,
} from './env-fields';

/** Connections one instance keeps to a database server unless `DATABASE_POOL_SIZE` says otherwise. */
export const DEFAULT_DATABASE_POOL_SIZE = 10;

/** Where `DATABASE_URL` points. */
export type DatabaseLocation =
  { type: 'better-sqlite3'; database: string } | { type: 'postgres' | 'mysql' | 'mariadb'; url: string };

/** Where the service keeps its data; a server database with the size of its connection pool (`DATABASE_POOL_SIZE`). */
export type DatabaseConfig =
  | { type: 'better-sqlite3'; database: string }
  | { type: 'postgres' | 'mysql' | 'mariadb'; url: string; poolSize: number };

/** Where the encryption keys come from: the environment, or `DATA_DIR/keys.json` (created on first start outside production). */
export type KeySource = { kind: 'env'; keys: KeyRingConfig } | { kind: 'file'; path: string; mayCreate: boolean };

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Who may read `/api/docs`: anyone, holders of an admin API token, or nobody (not served). */
export type ApiDocsMode = 'public' | 'token' | 'off';

/** Request limits from the environment; unset values are left to @magekit/nest's defaults. */
export interface ThrottleConfig {
  windowSeconds?: number;
  callback: { perAddress?: number; global?: number };
  signIn: { perAddress?: number; global?: number };
}

export type { TrustProxy };

/** The service's settings, read once from the environment by {@link readServiceConfig}. */
export interface ServiceConfig {
  port: number;
  host: string;
  /** What Magento calls and what is printed; null: `http://localhost:<port>` once listening. */
  publicUrl: string | null;
  tenant: string;
  dataDir: string;
  database: DatabaseConfig;
  keys: KeySource;
  storeUrl: { allowHttp: boolean; allowedNetworks: string[] };
  /** `IMS_TOKEN_URL`: the IMS token endpoint of SaaS stores registered without one; null: Adobe's. */
  imsTokenUrl: string | null;
  redisUrl: string | null;
  logLevel: LogLevel;
  production: boolean;
  /** A built dashboard to serve (`DASHBOARD_DIR`); null: the one shipped in the package, else apps/dashboard/dist. */
  dashboardDir: string | null;
  /** ACL ids the integration needs (`REQUIRED_RESOURCES` and the least privilege of `MAGEKIT_CALLS_FILE`), in tree order; every probe checks them. */
  requiredResources: string[];
  /** Express's `trust proxy` (`TRUST_PROXY`): which proxies' `X-Forwarded-*` headers give `req.ip` and `req.secure`; default false. */
  trustProxy: TrustProxy;
  /** `API_DOCS`; default `public`, `off` in production. */
  apiDocs: ApiDocsMode;
  throttle: ThrottleConfig;
  /** Limits on stores that called back but never became active (unset: module defaults). */
  pendingStores: { perAddress?: number; max?: number };
  /** `ADMIN_LIST_CACHE_MS`: the module's `admin.listCacheMs`; null: its default (1 s). */
  adminListCacheMs: number | null;
}

/** What {@link readServiceConfig} may read besides the environment: only `MAGEKIT_CALLS_FILE`. */
export interface ServiceConfigIo {
  /** Reads a calls file (default @magekit/acl's `readCallsFile`: a regular file of at most 1 MiB, checked before it is opened). */
  readFile?: (path: string) => string;
}

/**
 * Where the service keeps its data: the part of the environment the `magekit tokens`, `accounts`
 * and `rotate` commands read too ({@link readStorageSettings}).
 */
const storageEnvSchema = z.object({
  NODE_ENV: optional(z.string()),
  DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(databaseUrlField),
  DATABASE_POOL_SIZE: optional(databasePoolSizeField),
  MAGEKIT_ENCRYPTION_KEYS: optional(encryptionKeysField),
  MAGEKIT_ACTIVE_KEY: optional(z.string()),
});

const envSchema = storageEnvSchema.extend({
  PORT: optional(portField),
  HOST: optional(hostField),
  PUBLIC_URL: optional(publicUrlField),
  TENANT: optional(tenantField),
  STORE_URL_ALLOW_HTTP: optional(booleanField),
  STORE_URL_ALLOWED_NETWORKS: optional(networksField),
  IMS_TOKEN_URL: optional(imsTokenUrlField),
  REDIS_URL: optional(redisUrlField),
  LOG_LEVEL: optional(logLevelField),
  DASHBOARD_DIR: optional(z.string()),
  REQUIRED_RESOURCES: optional(z.string()),
  MAGEKIT_CALLS_FILE: optional(z.string()),
  TRUST_PROXY: optional(trustProxyField),
  API_DOCS: optional(apiDocsField),
  THROTTLE_WINDOW_SECONDS: optional(positiveIntegerField),
  THROTTLE_CALLBACK_PER_ADDRESS: optional(positiveIntegerField),
  THROTTLE_CALLBACK_GLOBAL: optional(positiveIntegerField),
  THROTTLE_SIGN_IN_PER_ADDRESS: optional(positiveIntegerField),
  THROTTLE_SIGN_IN_GLOBAL: optional(positiveIntegerField),
  PENDING_STORES_PER_ADDRESS: optional(positiveIntegerField),
  PENDING_STORES_MAX: optional(positiveIntegerField),
  ADMIN_LIST_CACHE_MS: optional(listCacheMsField),
});

type Env = z.infer<typeof envSchema>;
type StorageEnv = z.infer<typeof storageEnvSchema>;

/**
 * Reads and validates the service's environment once (no network access; the only file read is
 * `MAGEKIT_CALLS_FILE`, through `io.readFile`). Paths are resolved against `cwd`. See the
 * README's configuration table.
 *
 * @throws IntegrationServiceError `INVALID_CONFIG` naming every missing or bad variable in one message.
 */
export function readServiceConfig(
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
  io: ServiceConfigIo = {},
): ServiceConfig {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  const values = parsed.success ? parsed.data : null;
  const production = String(env['NODE_ENV'] ?? '') === 'production';
  const keys = values ? readKeySource(values, production, problems, cwd) : null;
  const requiredResources = readRequiredResources(
    env['REQUIRED_RESOURCES'],
    env['MAGEKIT_CALLS_FILE'],
    problems,
    cwd,
    io.readFile ?? ((path) => readCallsFileOnDisk(path)),
  );
  if (problems.length > 0 || !values || !keys) {
    throw new IntegrationServiceError(`Invalid configuration: ${problems.join('; ')}.`, 'INVALID_CONFIG', {
      hint: 'Fix the listed environment variables (see the README of @magekit/service, "Configuration").',
    });
  }
  const { dataDir, database } = storageOf(values, keys, cwd);
  return {
    port: values.PORT ?? 3000,
    host: values.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    publicUrl: values.PUBLIC_URL ?? null,
    tenant: values.TENANT ?? 'default',
    dataDir,
    database,
    keys,
    storeUrl: {
      allowHttp: values.STORE_URL_ALLOW_HTTP ?? false,
      allowedNetworks: values.STORE_URL_ALLOWED_NETWORKS ?? [],
    },
    imsTokenUrl: values.IMS_TOKEN_URL ?? null,
    redisUrl: values.REDIS_URL ?? null,
    logLevel: values.LOG_LEVEL ?? 'info',
    production,
    dashboardDir: values.DASHBOARD_DIR ? resolve(cwd, values.DASHBOARD_DIR) : null,
    requiredResources,
    trustProxy: values.TRUST_PROXY ?? false,
    apiDocs: values.API_DOCS ?? (production ? 'off' : 'public'),
    throttle: readThrottle(values),
    pendingStores: defined({ perAddress: values.PENDING_STORES_PER_ADDRESS, max: values.PENDING_STORES_MAX }),
    adminListCacheMs: values.ADMIN_LIST_CACHE_MS ?? null,
  };
}

/** Where the service keeps its data: what {@link readStorageSettings} returns. */
export interface StorageSettings {
  dataDir: string;
  database: DatabaseConfig;
  keys: KeySource;
}

/**
 * The storage part of the service's environment (`DATA_DIR`, `DATABASE_URL`, `DATABASE_POOL_SIZE`,
 * `MAGEKIT_ENCRYPTION_KEYS`, `MAGEKIT_ACTIVE_KEY`, `NODE_ENV`), by the same rules as
 * {@link readServiceConfig}: the CLI's service commands open the service's database with it.
 *
 * @throws IntegrationServiceError `INVALID_CONFIG` naming every bad variable in one message.
 */
export function readStorageSettings(
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
): StorageSettings {
  const parsed = storageEnvSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  const values = parsed.success ? parsed.data : null;
  const keys = values ? readKeySource(values, String(env['NODE_ENV'] ?? '') === 'production', problems, cwd) : null;
  if (problems.length > 0 || !values || !keys) {
    throw new IntegrationServiceError(`Invalid configuration: ${problems.join('; ')}.`, 'INVALID_CONFIG', {
      hint: 'Use the same environment as the service (see the README of @magekit/service, "Configuration").',
    });
  }
  return storageOf(values, keys, cwd);
}

function storageOf(values: StorageEnv, keys: KeySource, cwd: string): StorageSettings {
  const dataDir = dataDirOf(values, cwd);
  const poolSize = values.DATABASE_POOL_SIZE ?? DEFAULT_DATABASE_POOL_SIZE;
  return { dataDir, database: resolveDatabase(values.DATABASE_URL, poolSize, dataDir, cwd), keys };
}

function readThrottle(values: Env): ThrottleConfig {
  return {
    ...defined({ windowSeconds: values.THROTTLE_WINDOW_SECONDS }),
    callback: defined({ perAddress: values.THROTTLE_CALLBACK_PER_ADDRESS, global: values.THROTTLE_CALLBACK_GLOBAL }),
    signIn: defined({ perAddress: values.THROTTLE_SIGN_IN_PER_ADDRESS, global: values.THROTTLE_SIGN_IN_GLOBAL }),
  };
}

/** The object without its undefined fields (so that module defaults apply). */
function defined<T extends Record<string, number | undefined>>(fields: T): { [K in keyof T]?: number } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: number;
  };
}

/** `REQUIRED_RESOURCES` (ids of the stock ACL tree) plus the least privilege of the calls in `MAGEKIT_CALLS_FILE`. */
function readRequiredResources(
  list: string | undefined,
  callsFile: string | undefined,
  problems: string[],
  cwd: string,
  readFile: (path: string) => string,
): string[] {
  const listed = (list ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (listed.length === 0 && !callsFile) return [];
  const model = loadStockModel();
  const unknown = listed.filter((id) => !model.tree.nodes.has(id));
  if (unknown.length > 0)
    problems.push(
      `REQUIRED_RESOURCES names ids that are not in the ACL tree of stock ${STOCK_RELEASE}: ${unknown.join(', ')} (expected ids such as Magento_Catalog::products)`,
    );
  const ids = new Set(listed.filter((id) => model.tree.nodes.has(id)));
  if (callsFile) for (const id of readCallsFile(callsFile, model, problems, cwd, readFile)) ids.add(id);
  if (ids.size > 200)
    problems.push(`REQUIRED_RESOURCES and MAGEKIT_CALLS_FILE give ${ids.size} resources; at most 200 can be checked`);
  return sortInTreeOrder(model.tree, ids);
}

/** The least privilege (stock route table) of a calls file: one `METHOD /V1/path` per line, `#` comments. */
function readCallsFile(
  file: string,
  model: MagentoModel,
  problems: string[],
  cwd: string,
  readFile: (path: string) => string,
): string[] {
  let text: string;
  try {
    text = readFile(resolve(cwd, file));
  } catch (error) {
    problems.push(
      error instanceof AclError
        ? `MAGEKIT_CALLS_FILE ${error.message}`
        : `MAGEKIT_CALLS_FILE ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
    return [];
  }
  const plan = planCallsFile(model, text);
  for (const problem of plan.problems) problems.push(`MAGEKIT_CALLS_FILE ${file}:${problem.line} ${problem.message}`);
  if (plan.lineCount === 0) problems.push(`MAGEKIT_CALLS_FILE ${file} lists no calls (one "METHOD /V1/path" per line)`);
  return plan.resources;
}

function readKeySource(values: StorageEnv, production: boolean, problems: string[], cwd: string): KeySource | null {
  const keys = values.MAGEKIT_ENCRYPTION_KEYS;
  const active = values.MAGEKIT_ACTIVE_KEY;
  if (!keys) {
    if (active) problems.push('MAGEKIT_ACTIVE_KEY is set but MAGEKIT_ENCRYPTION_KEYS is not');
    if (production)
      problems.push(
        'MAGEKIT_ENCRYPTION_KEYS is required when NODE_ENV=production (no key is generated in production): set it to k1:$(openssl rand -base64 32)',
      );
    return { kind: 'file', path: join(dataDirOf(values, cwd), 'keys.json'), mayCreate: !production };
  }
  const ids = Object.keys(keys);
  if (active === undefined && ids.length > 1)
    problems.push(
      `MAGEKIT_ACTIVE_KEY is required when MAGEKIT_ENCRYPTION_KEYS holds several keys (one of ${ids.join(', ')})`,
    );
  if (active !== undefined && !ids.includes(active))
    problems.push(
      `MAGEKIT_ACTIVE_KEY ${JSON.stringify(active)} is not one of the ids in MAGEKIT_ENCRYPTION_KEYS (${ids.join(', ')})`,
    );
  return { kind: 'env', keys: { activeKeyId: active ?? ids[0] ?? '', keys } };
}

/** `DATA_DIR`, default `.data/integration`, under `cwd`. */
function dataDirOf(values: StorageEnv, cwd: string): string {
  return resolve(cwd, values.DATA_DIR ?? join('.data', 'integration'));
}

function resolveDatabase(
  location: DatabaseLocation | undefined,
  poolSize: number,
  dataDir: string,
  cwd: string,
): DatabaseConfig {
  if (!location) return { type: 'better-sqlite3', database: join(dataDir, 'integration.sqlite') };
  if (location.type === 'better-sqlite3')
    return {
      type: 'better-sqlite3',
      database:
        location.database === ':memory:' || isAbsolute(location.database)
          ? location.database
          : resolve(cwd, location.database),
    };
  return { ...location, poolSize };
}
