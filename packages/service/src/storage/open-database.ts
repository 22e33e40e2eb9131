import type { DataSource, DataSourceOptions } from 'typeorm';
import { createMagekitDataSource } from '@magekit/nest';
import { IntegrationServiceError } from '../service-error';
import { withBootLock } from './boot-lock';
import { seedFirstStart, type FirstStartCredentials } from './first-start';

/** An opened, migrated database and what the first start created (null on later starts). */
export interface OpenedDatabase {
  dataSource: DataSource;
  migrations: string[];
  firstStart: FirstStartCredentials | null;
}

/**
 * Opens the database with {@link createMagekitDataSource}, runs pending migrations and, on an
 * empty database, creates the first API token and vendor account, all under the boot lock.
 *
 * @throws IntegrationServiceError `DATABASE_UNAVAILABLE` when the database cannot be reached or migrated.
 */
export async function openDatabase(options: DataSourceOptions, describe: string): Promise<OpenedDatabase> {
  const dataSource = createMagekitDataSource(options);
  try {
    await dataSource.initialize();
  } catch (cause) {
    throw new IntegrationServiceError(
      `Cannot open the database (${describe}): ${(cause as Error).message}`,
      'DATABASE_UNAVAILABLE',
      { cause, hint: 'Check DATABASE_URL and that the database server is running and reachable.' },
    );
  }
  try {
    return await withBootLock(dataSource, async () => {
      const migrations = (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
      return { dataSource, migrations, firstStart: await seedFirstStart(dataSource) };
    });
  } catch (cause) {
    await dataSource.destroy().catch(() => undefined);
    if (cause instanceof IntegrationServiceError) throw cause;
    throw new IntegrationServiceError(
      `Cannot migrate the database (${describe}): ${(cause as Error).message}`,
      'DATABASE_UNAVAILABLE',
      { cause },
    );
  }
}
