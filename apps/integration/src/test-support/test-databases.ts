import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** One database the service's end-to-end suites run on. */
export interface TestDatabase {
  name: 'SQLite' | 'PostgreSQL' | 'MariaDB';
  /** Why it cannot be used (null when it can). */
  unavailable: string | null;
  /** A fresh database of its own: the `DATABASE_URL` to give the service (null: SQLite in DATA_DIR), and `drop()`. */
  create(): Promise<{ url: string | null; drop(): Promise<void> }>;
}

/** Server URLs (the database in the path is only used to connect). */
export const PG_URL = process.env.MAGEKIT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/magekit_test';
export const MYSQL_URL = process.env.MAGEKIT_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/magekit_test';
export const REDIS_URL = process.env.MAGEKIT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** True when CI demands the PostgreSQL, MariaDB and Redis suites (MAGEKIT_REQUIRE_DATABASES=1). */
export const DATABASES_REQUIRED = process.env.MAGEKIT_REQUIRE_DATABASES === '1';

const cache = new Map<string, string | null>();

/** Whether a server answers, checked synchronously in a child process (so Jest can name skipped suites). */
export function reachability(kind: 'postgres' | 'mysql' | 'redis', url: string): string | null {
  const key = `${kind} ${url}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const module = { postgres: 'pg', mysql: 'mysql2/promise', redis: 'ioredis' }[kind];
  const result = spawnSync(process.execPath, [join(__dirname, 'check-database.cjs'), kind, url, require.resolve(module)], { encoding: 'utf8', timeout: 10_000 });
  let reason: string | null;
  try {
    const answer = JSON.parse(result.stdout) as { ok: boolean; reason?: string };
    reason = answer.ok ? null : (answer.reason ?? 'unknown error');
  } catch {
    reason = result.error ? result.error.message : `check failed: ${result.stderr.slice(0, 200)}`;
  }
  cache.set(key, reason);
  return reason;
}

/** SQLite always; PostgreSQL and MariaDB when reachable. */
export function listTestDatabases(): TestDatabase[] {
  return [
    { name: 'SQLite', unavailable: null, create: async () => ({ url: null, drop: async () => undefined }) },
    { name: 'PostgreSQL', unavailable: reachability('postgres', PG_URL), create: createPostgresDatabase },
    { name: 'MariaDB', unavailable: reachability('mysql', MYSQL_URL), create: createMysqlDatabase },
  ];
}

/** Fails the suite instead of skipping it when the databases are required. */
export function describeIfAvailable(database: { name: string; unavailable: string | null }, title: string, body: () => void): void {
  if (database.unavailable && DATABASES_REQUIRED) {
    describe(`${title} on ${database.name}`, () => {
      it('has its database', () => {
        throw new Error(`${database.name} is required (MAGEKIT_REQUIRE_DATABASES=1) but unreachable: ${database.unavailable}`);
      });
    });
  } else if (database.unavailable) {
    describe.skip(`${title} on ${database.name} (skipped: ${database.unavailable})`, body);
  } else {
    describe(`${title} on ${database.name}`, body);
  }
}

/** pg ships no type declarations here (imported by name so that TypeScript does not look for them). */
const PG_MODULE = 'pg';

function uniqueName(): string {
  return `mk_int_${process.pid}_${randomBytes(4).toString('hex')}`;
}

async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { Client } = (await import(PG_MODULE)) as { Client: new (options: { connectionString: string }) => { connect(): Promise<void>; query(sql: string): Promise<unknown>; end(): Promise<void> } };
  const name = uniqueName();
  const admin = new Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function createMysqlDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const mysql = await import('mysql2/promise');
  const name = uniqueName();
  const run = async (sql: string) => {
    const connection = await mysql.createConnection({ uri: MYSQL_URL });
    await connection.query(sql);
    await connection.end();
  };
  await run(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(MYSQL_URL);
  url.pathname = `/${name}`;
  url.protocol = 'mariadb:';
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS \`${name}\``) };
}
