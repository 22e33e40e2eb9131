import type { Command } from 'commander';
import type { DataSource } from 'typeorm';
import { createMagekitDataSource } from '@magekit/nest';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { readServiceDatabase, type ServiceFlags } from './service-settings';

/**
 * Opens the service's database, runs `work`, and closes it. The schema must be migrated
 * already (the service migrates it when it starts).
 *
 * @throws CliError `UNREACHABLE` (cannot connect), `NOT_AVAILABLE` (not migrated yet)
 */
export async function withServiceDatabase<T>(io: CliIo, flags: ServiceFlags, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const { options, description } = readServiceDatabase(io.env, flags);
  const dataSource = createMagekitDataSource(options);
  try {
    await dataSource.initialize();
  } catch (cause) {
    throw new CliError(`Cannot open the service's database (${description}): ${(cause as Error).message}`, 'UNREACHABLE', { cause, hint: `Use the same DATABASE_URL / DATA_DIR as the service (or --database-url / --data-dir${flags.app === undefined ? ', or --app <app> for a generated app' : ''}).${startHint(flags)}` });
  }
  try {
    if (await dataSource.showMigrations()) {
      throw new CliError(`The service's database (${description}) is not migrated yet.`, 'NOT_AVAILABLE', { hint: `${startHint(flags).trim()} It runs the migrations at boot.` });
    }
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** ` Start … once (…).`: how the service (or the generated app) creates and migrates its database. */
function startHint(flags: ServiceFlags): string {
  return flags.app === undefined ? ' Start the integration service once (`npm start`).' : ` Start the app once (\`npx nx serve ${flags.app}\`).`;
}

/** Adds `--app`, `--database-url` and `--data-dir` to a service command. */
export function withServiceFlags(command: Command): Command {
  return command
    .option('--app <app>', 'a generated integration app (nx g @magekit/nx-plugin:integration <app>): its data in .data/<app>')
    .option('--database-url <url>', "the service's database (default DATABASE_URL, else SQLite in DATA_DIR)")
    .option('--data-dir <dir>', "the service's DATA_DIR (default .data/<app> with --app, else DATA_DIR or .data/integration)");
}
