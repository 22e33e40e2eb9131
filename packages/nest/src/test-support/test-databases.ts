import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { MAGEKIT_ENTITIES } from '../entities';
import { MAGEKIT_MIGRATIONS } from '../migrations';
import { createMagekitDataSource } from '../storage/create-data-source';

/** One database the storage contract suite runs on. */
export interface TestDatabase {
  name: 'SQLite' | 'PostgreSQL' | 'MariaDB';
  /** Why it cannot be used (null when it can). */
  unavailable: string | null;
  url: string | null;
  /** A fresh, isolated schema/database with the migrations run; `drop()` removes it. */
  open(options?: { migrationsRun?: boolean }): Promise<{ dataSource: DataSource; drop(): Promise<void> }>;
}

const PG_URL = process.env.MAGEKIT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/magekit_test';
const MYSQL_URL = process.env.MAGEKIT_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/magekit_test';

/** True when CI demands the PostgreSQL and MariaDB suites (MAGEKIT_REQUIRE_DATABASES=1). */
export const DATABASES_REQUIRED = process.env.MAGEKIT_REQUIRE_DATABASES === '1';

/**
 * The databases to test on: SQLite always; PostgreSQL and MariaDB when reachable (checked
 * synchronously in a child process so that Jest can name skipped suites).
 */
export function listTestDatabases(): TestDatabase[] {
  return [
    { name: 'SQLite', unavailable: null, url: null, open: openSqlite },
    { name: 'PostgreSQL', unavailable: reachability('postgres', PG_URL, 'pg'), url: PG_URL, open: openPostgres },
    { name: 'MariaDB', unavailable: reachability('mysql', MYSQL_URL, 'mysql2/promise'), url: MYSQL_URL, open: openMysql },
  ];
}

const cache = new Map<string, string | null>();

function reachability(kind: string, url: string, module: string): string | null {
  if (cache.has(url)) return cache.get(url) ?? null;
  const result = spawnSync(process.execPath, [join(__dirname, 'check-database.cjs'), kind, url, require.resolve(module)], { encoding: 'utf8', timeout: 10_000 });
  let reason: string | null;
  try {
    const answer = JSON.parse(result.stdout) as { ok: boolean; reason?: string };
    reason = answer.ok ? null : (answer.reason ?? 'unknown error');
  } catch {
    reason = result.error ? result.error.message : `check failed: ${result.stderr.slice(0, 200)}`;
  }
  cache.set(url, reason);
  return reason;
}

function base(): Pick<DataSourceOptions, 'entities' | 'migrations' | 'logging'> {
  return { entities: [...MAGEKIT_ENTITIES], migrations: [...MAGEKIT_MIGRATIONS], logging: false };
}

function uniqueName(): string {
  return `mk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

async function openSqlite(options: { migrationsRun?: boolean } = {}) {
  const dataSource = createMagekitDataSource({ type: 'better-sqlite3', database: ':memory:', ...base(), migrationsRun: options.migrationsRun ?? true });
  await dataSource.initialize();
  return { dataSource, drop: () => destroyIfOpen(dataSource) };
}

async function openPostgres(options: { migrationsRun?: boolean } = {}) {
  const schema = uniqueName();
  const setup = createMagekitDataSource({ type: 'postgres', url: PG_URL });
  await setup.initialize();
  await setup.query(`CREATE SCHEMA "${schema}"`);
  const dataSource = createMagekitDataSource({ type: 'postgres', url: PG_URL, schema, extra: { options: `-c search_path=${schema}`, max: 10 }, ...base(), migrationsRun: options.migrationsRun ?? true });
  await dataSource.initialize();
  return {
    dataSource,
    drop: async () => {
      await destroyIfOpen(dataSource);
      await setup.query(`DROP SCHEMA "${schema}" CASCADE`);
      await setup.destroy();
    },
  };
}

async function openMysql(options: { migrationsRun?: boolean } = {}) {
  const database = uniqueName();
  const setup = createMagekitDataSource({ type: 'mariadb', url: MYSQL_URL });
  await setup.initialize();
  await setup.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(MYSQL_URL);
  url.pathname = `/${database}`;
  const dataSource = createMagekitDataSource({ type: 'mariadb', url: url.toString(), extra: { connectionLimit: 10 }, ...base(), migrationsRun: options.migrationsRun ?? true });
  await dataSource.initialize();
  return {
    dataSource,
    drop: async () => {
      await destroyIfOpen(dataSource);
      await setup.query(`DROP DATABASE \`${database}\``);
      await setup.destroy();
    },
  };
}

async function destroyIfOpen(dataSource: DataSource): Promise<void> {
  if (dataSource.isInitialized) await dataSource.destroy();
}

/**
 * Declares `contract` (its own describe blocks) for every reachable database among `names`; an
 * unreachable one is a named skipped suite, or a failing test with MAGEKIT_REQUIRE_DATABASES=1.
 */
export function runOnTestDatabases(title: string, contract: (database: TestDatabase) => void, names?: ReadonlyArray<TestDatabase['name']>): void {
  for (const database of listTestDatabases().filter((entry) => !names || names.includes(entry.name))) {
    if (database.unavailable === null) contract(database);
    else if (DATABASES_REQUIRED) {
      it(`${database.name} at ${database.url} is reachable (required by MAGEKIT_REQUIRE_DATABASES=1)`, () => {
        throw new Error(`${database.name} is required but not reachable: ${database.unavailable}`);
      });
    } else {
      describe.skip(`${title} on ${database.name}: skipped, ${database.url} not reachable (${database.unavailable}); MAGEKIT_REQUIRE_DATABASES=1 makes this fail`, () => {
        it('runs', () => undefined);
      });
    }
  }
}

/** One `describe(title (database))` of `suite` per database among `names` (see {@link runOnTestDatabases}). */
export function describeOnDatabases(names: ReadonlyArray<TestDatabase['name']>, title: string, suite: (database: TestDatabase) => void): void {
  runOnTestDatabases(title, (database) => describe(`${title} (${database.name})`, () => suite(database)), names);
}
