import type { DataSource } from 'typeorm';
import { IntegrationServiceError } from '../service-error';

/** Arbitrary constant naming the magekit boot lock (PostgreSQL advisory lock key). */
const PG_LOCK_KEY = 727_274_101;
const MYSQL_LOCK_NAME = 'magekit_boot';
const MYSQL_LOCK_WAIT_SECONDS = 120;

/**
 * Runs `work` while holding a database-wide lock, so that instances starting together on one
 * PostgreSQL or MySQL/MariaDB database migrate and seed one after the other (a session-level
 * advisory lock, which is per database / `GET_LOCK` named after the database, on a dedicated
 * connection). SQLite serves one process: no lock.
 */
export async function withBootLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const type = dataSource.options.type;
  if (type !== 'postgres' && type !== 'mysql' && type !== 'mariadb') return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    if (type === 'postgres') await runner.query('SELECT pg_advisory_lock($1)', [PG_LOCK_KEY]);
    else {
      // GET_LOCK names are server-wide: the database name keeps services on other databases apart.
      const rows = (await runner.query("SELECT GET_LOCK(CONCAT(?, ':', DATABASE()), ?) AS got", [
        MYSQL_LOCK_NAME,
        MYSQL_LOCK_WAIT_SECONDS,
      ])) as Array<{ got: number | string | null }>;
      if (Number(rows[0]?.got) !== 1)
        throw new IntegrationServiceError(
          `Another instance held the boot lock for ${MYSQL_LOCK_WAIT_SECONDS} s.`,
          'DATABASE_UNAVAILABLE',
          { hint: 'Check for a stuck instance migrating the same database.' },
        );
    }
    try {
      return await work();
    } finally {
      if (type === 'postgres') await runner.query('SELECT pg_advisory_unlock($1)', [PG_LOCK_KEY]);
      else await runner.query("SELECT RELEASE_LOCK(CONCAT(?, ':', DATABASE()))", [MYSQL_LOCK_NAME]);
    }
  } finally {
    await runner.release();
  }
}
