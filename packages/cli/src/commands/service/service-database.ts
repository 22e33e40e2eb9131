import type { DataSource } from 'typeorm';
import type { CliIo } from '../../cli-io';
import type { ServiceFlags } from './service-flags';

/** What a service command works with: `@magekit/nest`, loaded with the database. */
export type ServiceModule = typeof import('@magekit/nest');

/**
 * Opens the service's database, runs `work` with it and `@magekit/nest`, and closes it. Nest,
 * TypeORM and the database driver load here, when a service command runs, not when the
 * `magekit` program starts.
 *
 * @throws CliError `UNREACHABLE` (cannot connect), `NOT_AVAILABLE` (not migrated yet), `INVALID_INPUT` (settings)
 */
export async function withServiceDatabase<T>(
  io: CliIo,
  flags: ServiceFlags,
  work: (dataSource: DataSource, nest: ServiceModule) => Promise<T>,
): Promise<T> {
  const [{ openServiceDatabase }, nest] = await Promise.all([
    import('./open-service-database.js'),
    import('@magekit/nest'),
  ]);
  return openServiceDatabase(io, flags, (dataSource) => work(dataSource, nest));
}
