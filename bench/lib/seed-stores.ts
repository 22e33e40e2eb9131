/**
 * Fast seeding of N stores for benches, with the rows the admin API and the store page read: a
 * realistic spread of statuses, tenants, editions and base URLs, vendor accounts, activations with
 * their timelines, recent failed calls and security events. Rows go in with multi-row INSERTs in
 * one transaction per table (not one `save()` per row); every secret is sealed with the module's
 * key ring and AAD (`secretContext`), as activation and SaaS registration write them, so a service
 * started with the same keys decrypts and uses them. Credentials are derived from the store's
 * index ({@link seededCredentials}), so another bench can make a fake store accept them.
 */
import { randomBytes } from 'node:crypto';
import { DataSource, type DataSourceOptions, type EntityTarget, type ObjectLiteral } from 'typeorm';
import {
  ActivationEntity,
  ActivationEventEntity,
  createKeyRing,
  MAGEKIT_ENTITIES,
  MAGEKIT_MIGRATIONS,
  SecurityEventEntity,
  StoreCallFailureEntity,
  StoreEntity,
  VendorAccountEntity,
  type KeyRingConfig,
  type StoreStatus,
} from '@magekit/nest';
import { buildStoreRows, type SeedPlan, type SeededStore } from './seed-store-rows';

export { seededCredentials, type SeededCredentials, type SeededStore } from './seed-store-rows';

/** What {@link seedStores} writes. */
export interface SeedStoresOptions {
  /** How many stores. */
  count: number;
  /** The key ring the service under test is started with (see {@link createBenchKeys}). */
  keys: KeyRingConfig;
  /** Base URL of store `i` (default: a spread of public-looking shop hosts, some with `/index.php/`). */
  baseUrl?: (i: number) => string;
  /** Status of store `i` (default: mostly active, some activating, failed, needs_reauth, revoked). */
  statusOf?: (i: number) => StoreStatus;
  /** Tenant of store `i` (default: a few tenants, `default` the largest). */
  tenantOf?: (i: number) => string;
  /** Every `imsEvery`-th store is an Adobe Commerce as a Cloud Service (IMS) store; 0: none (default 20). */
  imsEvery?: number;
  /** "Now" in ms (default `Date.now()`): stores are created over the year before it. */
  now?: number;
  /** Seed of the spread (default 1): the same seed gives the same statuses, URLs and counts. */
  seed?: number;
}

/** What was written: every store (index, id, status, base URL, consumer key) and the row counts per table. */
export interface SeededStores {
  stores: SeededStore[];
  rows: Record<string, number>;
  ms: number;
}

/** A fresh key ring configuration (one random key `bench`). */
export function createBenchKeys(): KeyRingConfig {
  return { activeKeyId: 'bench', keys: { bench: randomBytes(32).toString('base64') } };
}

/** DataSource options of a bench database on the local PostgreSQL (127.0.0.1:5432, user postgres), with the magekit schema. */
export function benchPostgresOptions(database: string): DataSourceOptions {
  return {
    type: 'postgres',
    host: process.env.BENCH_PG_HOST ?? '127.0.0.1',
    port: Number(process.env.BENCH_PG_PORT ?? 5432),
    username: process.env.BENCH_PG_USER ?? 'postgres',
    database,
    entities: [...MAGEKIT_ENTITIES],
    migrations: [...MAGEKIT_MIGRATIONS],
  };
}

/** Drops (if left over) and creates `database` on the local PostgreSQL. */
export async function createBenchDatabase(database: string): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteName(database)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteName(database)}`);
  });
}

/** Drops `database` from the local PostgreSQL (closing its connections). */
export async function dropBenchDatabase(database: string): Promise<void> {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${quoteName(database)} WITH (FORCE)`));
}

/**
 * Writes `count` stores and what hangs off them through `dataSource` (migrations already run).
 * Multi-row INSERTs of at most ~8,000 values each, one transaction per table.
 */
export async function seedStores(dataSource: DataSource, options: SeedStoresOptions): Promise<SeededStores> {
  const started = performance.now();
  const plan: SeedPlan = {
    count: options.count,
    keyRing: createKeyRing(options.keys),
    baseUrl: options.baseUrl,
    statusOf: options.statusOf,
    tenantOf: options.tenantOf,
    imsEvery: options.imsEvery ?? 20,
    now: options.now ?? Date.now(),
    seed: options.seed ?? 1,
  };
  const built = buildStoreRows(plan);
  const tables: [EntityTarget<ObjectLiteral>, ObjectLiteral[], string][] = [
    [VendorAccountEntity, built.accounts, 'vendor_accounts'],
    [StoreEntity, built.stores, 'stores'],
    [ActivationEntity, built.activations, 'activations'],
    [ActivationEventEntity, built.events, 'activation_events'],
    [StoreCallFailureEntity, built.failures, 'store_call_failures'],
    [SecurityEventEntity, built.securityEvents, 'security_events'],
  ];
  const rows: Record<string, number> = {};
  for (const [entity, values, name] of tables) {
    await insertInBatches(dataSource, entity, values);
    rows[name] = values.length;
  }
  return { stores: built.seeded, rows, ms: performance.now() - started };
}

async function insertInBatches(
  dataSource: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  values: ObjectLiteral[],
): Promise<void> {
  if (values.length === 0) return;
  const columns = dataSource.getMetadata(entity).columns.length;
  const perBatch = Math.max(1, Math.floor(8000 / columns));
  await dataSource.transaction(async (manager) => {
    for (let start = 0; start < values.length; start += perBatch) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(values.slice(start, start + perBatch))
        .updateEntity(false)
        .execute();
    }
  });
}

async function withAdminClient<T>(work: (client: DataSource) => Promise<T>): Promise<T> {
  const { host, port, username } = benchPostgresOptions('postgres') as { host: string; port: number; username: string };
  const client = new DataSource({ type: 'postgres', host, port, username, database: 'postgres' });
  await client.initialize();
  try {
    return await work(client);
  } finally {
    await client.destroy();
  }
}

function quoteName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a plain database name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}
