import type { DataSource } from 'typeorm';
import { createMagekitDataSource } from '@magekit/nest';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import type { ServiceFlags } from './service-flags';
import { readServiceDatabase } from './service-settings';

/**
 * Opens the service's database, runs `work`, and closes it (loaded on demand by
 * {@link withServiceDatabase}: it brings in Nest, TypeORM and the database driver). The schema must be migrated
 * already (the service migrates it when it starts).
 *
 * @throws CliError `UNREACHABLE` (cannot connect), `NOT_AVAILABLE` (not migrated yet)
 */
export async function openServiceDatabase<T>(
  io: CliIo,
  flags: ServiceFlags,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const { options, description } = readServiceDatabase(io.env, flags);
  const dataSource = createMagekitDataSource(options);
  try {
    await dataSource.initialize();
  } catch (cause) {
    throw new CliError(
      `Cannot open the service's database (${description}): ${(cause as Error).message}`,
      'UNREACHABLE',
      {
        cause,
        hint: `Use the same DATABASE_URL / DATA_DIR as the service (or --database-url / --data-dir${flags.app === undefined ? ', or --app <app> for a generated app' : ''}).${startHint(flags)}`,
      },
    );
  }
  try {
    if (await dataSource.showMigrations()) {
      throw new CliError(`The service's database (${description}) is not migrated yet.`, 'NOT_AVAILABLE', {
        hint: `${startHint(flags).trim()} It runs the migrations at boot.`,
      });
    }
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** ` Start … once (…).`: how the service (or the generated app) creates and migrates its database. */
function startHint(flags: ServiceFlags): string {
  return flags.app === undefined
    ? ' Start the integration service once (`npm start`).'
    : ` Start the app once (\`npx nx serve ${flags.app}\`).`;
}
