import { listTestDatabases as listSharedTestDatabases, type TestDatabase } from '@magekit/testing/databases';

export {
  DATABASES_REQUIRED,
  describeIfAvailable,
  MYSQL_URL,
  PG_URL,
  reachability,
  REDIS_URL,
  type TestDatabase,
} from '@magekit/testing/databases';

/** SQLite always; PostgreSQL and MariaDB when reachable; `create()` gives a fresh `DATABASE_URL` for the service. */
export function listTestDatabases(): TestDatabase[] {
  return listSharedTestDatabases({ prefix: 'mk_int' });
}
