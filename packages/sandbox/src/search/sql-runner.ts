import type { Database, Statement } from 'better-sqlite3';
import type { DataSource } from 'typeorm';

/** A bound SQL parameter. */
export type SqlValue = string | number | bigint | null;

/** Synchronous SQL on the sandbox's SQLite connection, with prepared statements cached by text. */
export interface SqlRunner {
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): T[];
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): T | undefined;
  run(sql: string, params?: readonly SqlValue[]): { changes: number; lastInsertRowid: number | bigint };
  /** Runs `work` inside one transaction (nested calls join the outer one). */
  transaction<T>(work: () => T): T;
  /** The raw better-sqlite3 connection (bulk seeding). */
  readonly db: Database;
}

const CACHE_LIMIT = 256;

/** Wraps a better-sqlite3 connection; registers the SQL functions searchCriteria needs. */
export function createSqlRunner(db: Database): SqlRunner {
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  };
  registerSqlFunctions(db);
  return {
    db,
    all: <T>(sql: string, params: readonly SqlValue[] = []) => prepare(sql).all(...params) as T[],
    get: <T>(sql: string, params: readonly SqlValue[] = []) => prepare(sql).get(...params) as T | undefined,
    run: (sql, params = []) => prepare(sql).run(...params),
    transaction: <T>(work: () => T) => db.transaction(work)(),
  };
}

/** The better-sqlite3 connection behind TypeORM's `better-sqlite3` driver. */
export function nativeDatabase(dataSource: DataSource): Database {
  const connection = (dataSource.driver as unknown as { databaseConnection?: Database }).databaseConnection;
  if (connection === undefined || typeof connection.prepare !== 'function')
    throw new Error('The sandbox needs TypeORM\'s better-sqlite3 driver (type: "better-sqlite3").');
  return connection;
}

/**
 * MySQL functions searchCriteria conditions compile to: `REGEXP` (case-insensitive, as MySQL on a
 * `_ci` collation), `FIND_IN_SET` (1-based position in a comma list, 0 when absent), `INET_NTOA`.
 */
function registerSqlFunctions(db: Database): void {
  db.function('regexp', { deterministic: true }, (pattern, value) => {
    if (value === null || pattern === null) return null;
    return new RegExp(String(pattern), 'i').test(String(value)) ? 1 : 0;
  });
  db.function('find_in_set', { deterministic: true }, (needle, list) => {
    if (needle === null || list === null) return null;
    const index = String(list).toLowerCase().split(',').indexOf(String(needle).toLowerCase());
    return index + 1;
  });
  db.function('inet_ntoa', { deterministic: true }, (value) => {
    const n = Number(value);
    if (value === null || !Number.isInteger(n) || n < 0 || n > 0xffffffff) return null;
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  });
}
