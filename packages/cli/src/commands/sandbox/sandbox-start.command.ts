import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { readEditionOption } from './sandbox-edition-option';
import { readIntegerOption, readMagentoVersionOption } from './sandbox-options';

interface StartFlags {
  port: string;
  host: string;
  data?: string;
  seedProducts?: string;
  adminToken?: string;
  magento?: string;
  edition?: string;
  tenant?: string;
  latencyMs?: string;
  workers?: string;
  backlog?: string;
}

/** What `@magekit/sandbox/launcher` exports. */
interface Launcher {
  sandboxMain(): string | null;
  /** The `--magento` versions the sandbox has profiles of. */
  MAGENTO_VERSIONS?: readonly string[];
  /** The `--edition` values the sandbox has. */
  SANDBOX_EDITIONS?: readonly string[];
}

const loadLauncher = () => createRequire(__filename)('@magekit/sandbox/launcher') as Launcher;

/** The sandbox store's built bin, from the `@magekit/sandbox` package (its `./launcher` entry). */
export function findSandboxMain(load: () => Launcher = loadLauncher): string {
  let main: string | null;
  try {
    main = load().sandboxMain();
  } catch (error) {
    throw new CliError('the sandbox store (@magekit/sandbox) is not installed here.', 'NOT_AVAILABLE', {
      hint: 'Install it beside the CLI: npm install --save-dev @magekit/sandbox.',
      cause: error,
    });
  }
  if (main === null)
    throw new CliError('the sandbox store is not built yet.', 'NOT_AVAILABLE', {
      hint: 'Run `npm install` (it builds everything) or `npx nx build sandbox`.',
    });
  return main;
}

/** `magekit sandbox start`: runs the sandbox store in the foreground until Ctrl-C. */
export function registerSandboxStartCommand(sandbox: Command, io: CliIo): void {
  sandbox
    .command('start')
    .description('Start the local Magento-compatible sandbox store (seeded data, admin page, OAuth endpoints, REST).')
    .option('--port <port>', 'port to listen on', '3001')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'data directory (SQLite file), default .data/sandbox')
    .option('--seed-products <n>', 'products to seed into an empty database (default 1000, at most 100000)')
    .option(
      '--admin-token <token>',
      'token of the admin API and page (default SANDBOX_ADMIN_TOKEN or sandbox-admin-token)',
    )
    .option(
      '--magento <version>',
      'the Magento release the store behaves as: 2.4.6-p1, 2.4.7 or 2.4.8 (signature profile, page sizes, sign-in locks; default SANDBOX_MAGENTO_VERSION or 2.4.8)',
    )
    .option(
      '--edition <edition>',
      'paas (Magento Open Source / Adobe Commerce: OAuth, /rest/…) or saas (Adobe Commerce as a Cloud Service: IMS tokens, /<tenant>/V1/…); default SANDBOX_EDITION or paas',
    )
    .option(
      '--tenant <id>',
      "the SaaS edition's tenant id, in its REST paths (default SANDBOX_TENANT_ID or sandbox-tenant)",
    )
    .option(
      '--latency-ms <ms>',
      'a simulated PHP-FPM pool: every Magento request holds a worker this long (default SANDBOX_LATENCY_MS or off)',
    )
    .option('--workers <n>', "the pool's workers, pm.max_children (default SANDBOX_WORKERS or 5)")
    .option(
      '--backlog <n>',
      "requests that may wait for a worker before 503, the pool's listen.backlog (default SANDBOX_BACKLOG or 511)",
    )
    .action(async (flags: StartFlags) => {
      const env: Record<string, string | undefined> = {
        ...io.env,
        SANDBOX_PORT: String(readIntegerOption(flags.port, '--port', 0, 65535)),
        SANDBOX_HOST: flags.host,
      };
      if (flags.data !== undefined) env['SANDBOX_DATA_DIR'] = flags.data;
      if (flags.seedProducts !== undefined)
        env['SANDBOX_PRODUCTS'] = String(readIntegerOption(flags.seedProducts, '--seed-products', 1, 100000));
      if (flags.adminToken !== undefined) env['SANDBOX_ADMIN_TOKEN'] = flags.adminToken;
      const main = findSandboxMain();
      if (flags.magento !== undefined)
        env['SANDBOX_MAGENTO_VERSION'] = readMagentoVersionOption(flags.magento, loadLauncher().MAGENTO_VERSIONS ?? []);
      if (flags.edition !== undefined)
        env['SANDBOX_EDITION'] = readEditionOption(flags.edition, loadLauncher().SANDBOX_EDITIONS ?? ['paas']);
      if (flags.tenant !== undefined) env['SANDBOX_TENANT_ID'] = flags.tenant;
      Object.assign(env, readPhpFpmFlags(flags));
      const code = await runForeground(main, env);
      if (code !== 0)
        throw new CliError(`the sandbox store exited with code ${code}.`, 'SANDBOX_FAILED', {
          hint: 'Its message is printed above.',
        });
    });
}

/** `--latency-ms`, `--workers`, `--backlog` as the sandbox's `SANDBOX_*` settings (any one turns the pool on). */
function readPhpFpmFlags(flags: StartFlags): Record<string, string> {
  const env: Record<string, string> = {};
  if (flags.latencyMs !== undefined)
    env['SANDBOX_LATENCY_MS'] = String(readIntegerOption(flags.latencyMs, '--latency-ms', 0, 60000));
  if (flags.workers !== undefined)
    env['SANDBOX_WORKERS'] = String(readIntegerOption(flags.workers, '--workers', 1, 10000));
  if (flags.backlog !== undefined)
    env['SANDBOX_BACKLOG'] = String(readIntegerOption(flags.backlog, '--backlog', 0, 1000000));
  return env;
}

function runForeground(main: string, env: Record<string, string | undefined>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main], { env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : (code ?? 1));
    });
  });
}
