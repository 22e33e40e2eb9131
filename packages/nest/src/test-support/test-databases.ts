import {
  describeOnDatabases as describeOnSharedDatabases,
  listTestDatabases as listSharedTestDatabases,
  runOnTestDatabases as runOnSharedTestDatabases,
  type TestDatabase,
  type TestDatabaseName,
  type TestDatabaseOptions,
} from '@magekit/testing/databases';
import { MAGEKIT_ENTITIES } from '../entities';
import { MAGEKIT_MIGRATIONS } from '../migrations';
import { createMagekitDataSource } from '../storage/create-data-source';

export { DATABASES_REQUIRED, type TestDatabase } from '@magekit/testing/databases';

/** The module's storage: its entities and migrations, DataSources built as the module builds them. */
const STORAGE: TestDatabaseOptions = {
  entities: [...MAGEKIT_ENTITIES],
  migrations: [...MAGEKIT_MIGRATIONS],
  createDataSource: createMagekitDataSource,
};

/** SQLite always; PostgreSQL and MariaDB when reachable; `open()` gives the module's schema. */
export function listTestDatabases(): TestDatabase[] {
  return listSharedTestDatabases(STORAGE);
}

/** Declares `contract` for every reachable database among `names` (see @magekit/testing). */
export function runOnTestDatabases(
  title: string,
  contract: (database: TestDatabase) => void,
  names?: ReadonlyArray<TestDatabaseName>,
): void {
  runOnSharedTestDatabases(title, contract, names, STORAGE);
}

/** One `describe(title (database))` of `suite` per database among `names`. */
export function describeOnDatabases(
  names: ReadonlyArray<TestDatabaseName>,
  title: string,
  suite: (database: TestDatabase) => void,
): void {
  describeOnSharedDatabases(names, title, suite, STORAGE);
}
