import type { Command } from 'commander';
import type { CliIo } from '../../cli-io';
import { readIntegerOption } from '../sandbox/sandbox-options';
import { runDev } from './run-dev';

interface DevFlags {
  build: boolean;
  port?: string;
  sandboxPort?: string;
  dataDir?: string;
  seedProducts?: string;
  timeout: string;
  json?: boolean;
}

/**
 * `magekit dev [app]`: one command from a built app to an active store. Nothing of Nest or TypeORM
 * is loaded until the action runs (and only for a re-run's API token).
 */
export function registerDevCommand(program: Command, io: CliIo): void {
  program
    .command('dev [app]')
    .description(
      'Run an integration app against the local sandbox store: build it (npx nx build <app>), start the sandbox (seeded, data in .data/<app>/sandbox) and the app (DATA_DIR .data/<app>, http and loopback store URLs allowed), create and activate a sandbox integration with its Callback and Identity link URLs and required resources, wait until the store is active, and print the app, dashboard and sandbox admin URLs and an API token. Streams [sandbox] and [app] logs; Ctrl-C stops everything. A re-run reuses the data and the active store. [app] is an Nx application project (default: integration, the main service).',
    )
    .option('--no-build', 'skip the build and run the last one (<app>/dist/main.js)')
    .option('--port <port>', "the app's port (default: the last run's, else the app's default, else a free one)")
    .option('--sandbox-port <port>', "the sandbox's port (default: the last run's, else 3001, else a free one)")
    .option('--data-dir <dir>', "the app's DATA_DIR (default .data/<app>; the sandbox's data goes in <dir>/sandbox)")
    .option('--seed-products <n>', 'products to seed into a new sandbox (default 1000)')
    .option('--timeout <seconds>', 'how long each start and the activation may take', '60')
    .option(
      '--json',
      'print one JSON line when ready, {appUrl, dashboardUrl, apiToken, sandboxUrl, storeStatus}; logs go to stderr',
    )
    .action(async (app: string | undefined, flags: DevFlags) => {
      const port = (raw: string | undefined, flag: string) =>
        raw === undefined ? undefined : readIntegerOption(raw, flag, 1, 65535);
      await runDev(
        {
          app,
          build: flags.build,
          port: port(flags.port, '--port'),
          sandboxPort: port(flags.sandboxPort, '--sandbox-port'),
          dataDir: flags.dataDir,
          seedProducts:
            flags.seedProducts === undefined
              ? undefined
              : readIntegerOption(flags.seedProducts, '--seed-products', 1, 100000),
          timeoutSeconds: readIntegerOption(flags.timeout, '--timeout', 1, 3600),
          json: flags.json === true,
        },
        io,
      );
    });
}
