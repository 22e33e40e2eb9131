import type { Command } from 'commander';

/** Flags every service command takes (they override the environment). */
export interface ServiceFlags {
  databaseUrl?: string;
  dataDir?: string;
  /** A generated integration app (`nx g @magekit/nx-plugin:integration <app>`): its DATA_DIR default `.data/<app>`. */
  app?: string;
}

/** Adds `--app`, `--database-url` and `--data-dir` to a service command. */
export function withServiceFlags(command: Command): Command {
  return command
    .option(
      '--app <app>',
      'a generated integration app (nx g @magekit/nx-plugin:integration <app>): its data in .data/<app>',
    )
    .option('--database-url <url>', "the service's database (default DATABASE_URL, else SQLite in DATA_DIR)")
    .option(
      '--data-dir <dir>',
      "the service's DATA_DIR (default .data/<app> with --app, else DATA_DIR or .data/integration)",
    );
}
