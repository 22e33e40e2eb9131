import { QueryFailedError } from 'typeorm';

/**
 * True when a query failed on a unique constraint: SQLite `SQLITE_CONSTRAINT_UNIQUE` /
 * `SQLITE_CONSTRAINT_PRIMARYKEY`, PostgreSQL `23505`, MySQL/MariaDB `ER_DUP_ENTRY` (1062).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError =
    (error as QueryFailedError & { driverError?: { code?: string; errno?: number } }).driverError ?? {};
  const code = driverError.code ?? '';
  return (
    code === '23505' ||
    code === 'ER_DUP_ENTRY' ||
    driverError.errno === 1062 ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
