import type { DataSourceOptions } from 'typeorm';
import { MAGEKIT_ENTITIES, MAGEKIT_MIGRATIONS } from '@magekit/nest';
import type { DatabaseConfig } from '../config/service-config';

/**
 * TypeORM options for the configured database, with the magekit entities and migrations. The
 * migrations are run by {@link migrateUnderLock} at boot, never by `synchronize`. A server
 * database gets a pool of `database.poolSize` connections (`DATABASE_POOL_SIZE`).
 */
export function toDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: [...MAGEKIT_ENTITIES],
    migrations: [...MAGEKIT_MIGRATIONS],
    migrationsRun: false,
    synchronize: false,
    logging: false,
  };
  if (database.type === 'better-sqlite3')
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.database,
      enableWAL: database.database !== ':memory:',
      timeout: 5000,
    };
  if (database.type === 'postgres')
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      extra: { max: database.poolSize, connectionTimeoutMillis: 5000 },
    };
  return {
    ...common,
    type: database.type,
    url: database.url,
    extra: { connectionLimit: database.poolSize },
    connectTimeout: 5000,
  };
}

/** `DATABASE_URL` without its password, for logs and the banner. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.type === 'better-sqlite3') return `SQLite ${database.database}`;
  // A mariadb:// URL is kept as mysql:// for the driver; the description shows what was configured.
  const url = new URL(database.type === 'mariadb' ? database.url.replace(/^mysql:/i, 'mariadb:') : database.url);
  if (url.password) url.password = '***';
  return `${database.type === 'postgres' ? 'PostgreSQL' : database.type === 'mariadb' ? 'MariaDB' : 'MySQL'} ${url.toString()}`;
}
