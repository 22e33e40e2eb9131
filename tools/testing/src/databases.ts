import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';

export type TestDatabaseName = 'SQLite' | 'PostgreSQL' | 'MariaDB';

/** A fresh, isolated schema/database opened through TypeORM; `drop()` closes and removes it. */
export interface OpenedTestDatabase {
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh database of its own for a service process: its URL (null: SQLite, the service's own file) and `drop()`. */
export interface CreatedTestDatabase {
  url: string | null;
  drop(): Promise<void>;
}

/** One database a suite runs on. */
export interface TestDatabase {
  name: TestDatabaseName;
  /** Why it cannot be used (null when it can). */
  unavailable: string | null;
  /** The server URL (null for SQLite). */
  url: string | null;
  /** A fresh schema (PostgreSQL), database (MariaDB) or in-memory database (SQLite) with the migrations run. */
  open(options?: { migrationsRun?: boolean }): Promise<OpenedTestDatabase>;
  /** A fresh database for a service process (`DATABASE_URL`). */
  create(): Promise<CreatedTestDatabase>;
}

/** What the caller's storage needs: its entities and migrations, and how it builds a DataSource. */
export interface TestDatabaseOptions {
  entities?: DataSourceOptions['entities'];
  migrations?: DataSourceOptions['migrations'];
  /** Builds every DataSource (default `new DataSource(options)`). */
  createDataSource?: (options: DataSourceOptions) => DataSource;
  /** Prefix of the generated schema/database names (default `mk_test`). */
  prefix?: string;
}

/** Server URLs (the database in the path is created when missing and only used to connect). */
export const PG_URL = process.env.MAGEKIT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/magekit_test';
export const MYSQL_URL = process.env.MAGEKIT_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/magekit_test';
export const REDIS_URL = process.env.MAGEKIT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** True when CI demands the PostgreSQL, MariaDB and Redis suites (MAGEKIT_REQUIRE_DATABASES=1). */
export const DATABASES_REQUIRED = process.env.MAGEKIT_REQUIRE_DATABASES === '1';

const cache = new Map<string, string | null>();

/** Whether a server answers, checked synchronously in a child process (so that Jest can name skipped suites). */
export function reachability(kind: 'postgres' | 'mysql' | 'redis', url: string): string | null {
  const key = `${kind} ${url}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const module = { postgres: 'pg', mysql: 'mysql2/promise', redis: 'ioredis' }[kind];
  let reason: string | null;
  try {
    const result = spawnSync(
      process.execPath,
      [join(__dirname, 'check-database.cjs'), kind, url, require.resolve(module)],
      { encoding: 'utf8', timeout: 10_000 },
    );
    try {
      const answer = JSON.parse(result.stdout) as { ok: boolean; reason?: string };
      reason = answer.ok ? null : (answer.reason ?? 'unknown error');
    } catch {
      reason = result.error ? result.error.message : `check failed: ${result.stderr.slice(0, 200)}`;
    }
  } catch (error) {
    reason = `${module} is not installed (${(error as Error).message.split('\n')[0]})`;
  }
  cache.set(key, reason);
  return reason;
}

/** SQLite always; PostgreSQL and MariaDB when reachable. */
export function listTestDatabases(options: TestDatabaseOptions = {}): TestDatabase[] {
  const harness = new Harness(options);
  return [
    {
      name: 'SQLite',
      unavailable: null,
      url: null,
      open: (o) => harness.openSqlite(o),
      create: async () => ({ url: null, drop: async () => undefined }),
    },
    {
      name: 'PostgreSQL',
      unavailable: reachability('postgres', PG_URL),
      url: PG_URL,
      open: (o) => harness.openPostgres(o),
      create: () => harness.createPostgres(),
    },
    {
      name: 'MariaDB',
      unavailable: reachability('mysql', MYSQL_URL),
      url: MYSQL_URL,
      open: (o) => harness.openMysql(o),
      create: () => harness.createMysql(),
    },
  ];
}

/**
 * Declares `contract` (its own describe blocks) for every reachable database among `names`; an
 * unreachable one is a named skipped suite, or a failing test with MAGEKIT_REQUIRE_DATABASES=1.
 */
export function runOnTestDatabases(
  title: string,
  contract: (database: TestDatabase) => void,
  names?: ReadonlyArray<TestDatabaseName>,
  options?: TestDatabaseOptions,
): void {
  for (const database of listTestDatabases(options).filter((entry) => !names || names.includes(entry.name))) {
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
export function describeOnDatabases(
  names: ReadonlyArray<TestDatabaseName>,
  title: string,
  suite: (database: TestDatabase) => void,
  options?: TestDatabaseOptions,
): void {
  runOnTestDatabases(
    title,
    (database) => describe(`${title} (${database.name})`, () => suite(database)),
    names,
    options,
  );
}

/** `describe(title on name)` when the server is there; skipped with the reason, or failing with MAGEKIT_REQUIRE_DATABASES=1. */
export function describeIfAvailable(
  database: { name: string; unavailable: string | null },
  title: string,
  body: () => void,
): void {
  if (database.unavailable && DATABASES_REQUIRED) {
    describe(`${title} on ${database.name}`, () => {
      it('has its database', () => {
        throw new Error(
          `${database.name} is required (MAGEKIT_REQUIRE_DATABASES=1) but unreachable: ${database.unavailable}`,
        );
      });
    });
  } else if (database.unavailable) {
    describe.skip(`${title} on ${database.name} (skipped: ${database.unavailable})`, body);
  } else {
    describe(`${title} on ${database.name}`, body);
  }
}

class Harness {
  constructor(private readonly options: TestDatabaseOptions) {}

  private dataSource(settings: DataSourceOptions): DataSource {
    return (this.options.createDataSource ?? ((o: DataSourceOptions) => new DataSource(o)))(settings);
  }

  private storage(
    migrationsRun: boolean | undefined,
  ): Pick<DataSourceOptions, 'entities' | 'migrations' | 'logging' | 'migrationsRun'> {
    return {
      entities: [...((this.options.entities as unknown[]) ?? [])] as DataSourceOptions['entities'],
      migrations: [...((this.options.migrations as unknown[]) ?? [])] as DataSourceOptions['migrations'],
      logging: false,
      migrationsRun: migrationsRun ?? true,
    };
  }

  private uniqueName(): string {
    return `${this.options.prefix ?? 'mk_test'}_${process.pid}_${randomBytes(4).toString('hex')}`;
  }

  async openSqlite(options: { migrationsRun?: boolean } = {}): Promise<OpenedTestDatabase> {
    const dataSource = this.dataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      ...this.storage(options.migrationsRun),
    } as DataSourceOptions);
    await dataSource.initialize();
    return { dataSource, drop: () => destroyIfOpen(dataSource) };
  }

  async openPostgres(options: { migrationsRun?: boolean } = {}): Promise<OpenedTestDatabase> {
    const schema = this.uniqueName();
    const setup = this.dataSource({ type: 'postgres', url: PG_URL });
    await setup.initialize();
    await ensureSharedExtensions(setup);
    await setup.query(`CREATE SCHEMA "${schema}"`);
    const dataSource = this.dataSource({
      type: 'postgres',
      url: PG_URL,
      schema,
      extra: { options: `-c search_path=${schema}`, max: 10 },
      ...this.storage(options.migrationsRun),
    } as DataSourceOptions);
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

  async openMysql(options: { migrationsRun?: boolean } = {}): Promise<OpenedTestDatabase> {
    const created = await this.createMysql();
    const url = new URL(created.url);
    url.protocol = new URL(MYSQL_URL).protocol;
    const dataSource = this.dataSource({
      type: 'mariadb',
      url: url.toString(),
      extra: { connectionLimit: 10 },
      ...this.storage(options.migrationsRun),
    } as DataSourceOptions);
    await dataSource.initialize();
    return {
      dataSource,
      drop: async () => {
        await destroyIfOpen(dataSource);
        await created.drop();
      },
    };
  }

  /** A database of its own on the PostgreSQL server (a service process connects with its URL). */
  async createPostgres(): Promise<CreatedTestDatabase & { url: string }> {
    const name = this.uniqueName();
    await this.onServer('postgres', PG_URL, `CREATE DATABASE "${name}"`);
    return {
      url: withDatabase(PG_URL, name),
      drop: () => this.onServer('postgres', PG_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }

  /** A database of its own on the MariaDB server; its URL says `mariadb:`. */
  async createMysql(): Promise<CreatedTestDatabase & { url: string }> {
    const name = this.uniqueName();
    await this.onServer(
      'mariadb',
      MYSQL_URL,
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const url = new URL(withDatabase(MYSQL_URL, name));
    url.protocol = 'mariadb:';
    return {
      url: url.toString(),
      drop: () => this.onServer('mariadb', MYSQL_URL, `DROP DATABASE IF EXISTS \`${name}\``),
    };
  }

  /** Runs one statement on a short-lived connection to the server. */
  private async onServer(type: 'postgres' | 'mariadb', url: string, sql: string): Promise<void> {
    const setup = new DataSource({ type, url } as DataSourceOptions);
    await setup.initialize();
    try {
      await setup.query(sql);
    } finally {
      await setup.destroy();
    }
  }
}

function withDatabase(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function destroyIfOpen(dataSource: DataSource): Promise<void> {
  if (dataSource.isInitialized) await dataSource.destroy();
}

/**
 * `pg_trgm` in `public`, once per database, before any test schema exists: a migration run from a
 * test schema would otherwise create it there, and that schema's `DROP SCHEMA … CASCADE` would take it
 * (and other tests' indexes on it) away. Unavailable, or created at the same moment by another
 * worker: nothing to do.
 */
async function ensureSharedExtensions(setup: DataSource): Promise<void> {
  await setup.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public').catch(() => undefined);
}
