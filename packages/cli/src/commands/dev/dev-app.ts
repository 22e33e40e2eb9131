import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DevStepError } from './dev-step-error';

/** The main integration service (apps/integration), what `magekit dev` runs without an app name. */
export const MAIN_SERVICE = 'integration';

/** An app `magekit dev` can run: the main service or a generated integration app. */
export interface DevApp {
  name: string;
  workspaceRoot: string;
  /** e.g. `apps/acme-sync`, relative to the workspace root. */
  projectRoot: string;
  /** Its built entry point, `<projectRoot>/dist/main.js`. */
  main: string;
  /** Its `DATA_DIR`, absolute: `.data/<name>` under the working directory unless given. */
  dataDir: string;
}

/**
 * The Nx workspace: the nearest folder with `nx.json` above `cwd`, else the one this CLI belongs to
 * (so `magekit dev` also runs from a scratch folder, with its data there).
 */
export function findWorkspaceRoot(cwd: string, cliDir: string = __dirname): string {
  for (const start of [cwd, cliDir]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'nx.json'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new DevStepError(
    'find the app',
    'no Nx workspace (nx.json) above the working directory.',
    'Run `magekit dev` inside the magekit repository.',
  );
}

/**
 * Finds the app by Nx project name: `integration` (default) or an application under `apps/`.
 *
 * @throws DevStepError naming the known apps when there is no such project
 */
export function resolveDevApp(name: string | undefined, cwd: string, dataDir?: string): DevApp {
  const workspaceRoot = findWorkspaceRoot(cwd);
  const wanted = name ?? MAIN_SERVICE;
  const apps = listApplications(workspaceRoot);
  const projectRoot = apps.get(wanted);
  if (projectRoot === undefined) {
    throw new DevStepError(
      'find the app',
      `no application project named ${JSON.stringify(wanted)} in ${workspaceRoot}.`,
      `Give one of: ${[...apps.keys()].sort().join(', ')} (or generate one: npx nx g @magekit/nx-plugin:integration <name>).`,
    );
  }
  return {
    name: wanted,
    workspaceRoot,
    projectRoot,
    main: join(workspaceRoot, projectRoot, 'dist', 'main.js'),
    dataDir: resolve(cwd, dataDir ?? join('.data', wanted)),
  };
}

/** Application projects under `apps/` by Nx name (their project.json `name`), except the sandbox and the dashboard. */
function listApplications(workspaceRoot: string): Map<string, string> {
  const found = new Map<string, string>();
  const appsDir = join(workspaceRoot, 'apps');
  if (!existsSync(appsDir)) return found;
  for (const entry of readdirSync(appsDir, { withFileTypes: true })) {
    const file = join(appsDir, entry.name, 'project.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    try {
      const project = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; projectType?: string };
      if (project.projectType === 'application' && project.name && !['sandbox', 'dashboard'].includes(project.name))
        found.set(project.name, `apps/${entry.name}`);
    } catch {
      // An unreadable project.json is not a candidate.
    }
  }
  return found;
}

/** What the built app says about itself: its default port and the ACL resources it needs. */
export interface AppDefaults {
  port: number | null;
  requiredResources: string[];
}

/**
 * The service's probe (`GET /V1/store/storeConfigs`, the default `probe.path` of @magekit/nest)
 * needs this resource before any store counts as active.
 */
export const PROBE_RESOURCE = 'Magento_Backend::store';

/**
 * A generated app's `dist/config.js` exports `APP_DEFAULTS` (PORT, …) and `REQUIRED_RESOURCES`,
 * and its `magekit.json` lists what the sample job needs besides; the main service has neither
 * (port 3000, resources from `REQUIRED_RESOURCES` in the environment). A non-empty list always
 * includes {@link PROBE_RESOURCE}, or the store could never become active.
 */
export function readAppDefaults(app: DevApp, env: Record<string, string | undefined>): AppDefaults {
  const fromEnv = (env['REQUIRED_RESOURCES'] ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const config = join(app.workspaceRoot, app.projectRoot, 'dist', 'config.js');
  const withProbe = (ids: string[]) => (ids.length === 0 ? [] : [...new Set([...ids, PROBE_RESOURCE])]);
  if (app.name === MAIN_SERVICE || !existsSync(config))
    return { port: app.name === MAIN_SERVICE ? 3000 : null, requiredResources: withProbe(fromEnv) };
  const loaded = createRequire(__filename)(config) as {
    APP_DEFAULTS?: Record<string, string>;
    REQUIRED_RESOURCES?: unknown;
  };
  const baked = Array.isArray(loaded.REQUIRED_RESOURCES)
    ? loaded.REQUIRED_RESOURCES.filter((id): id is string => typeof id === 'string')
    : [];
  const port = Number(loaded.APP_DEFAULTS?.['PORT']);
  const resources = fromEnv.length > 0 ? fromEnv : [...baked, ...readSampleJobResources(app)];
  return { port: Number.isInteger(port) && port > 0 ? port : null, requiredResources: withProbe(resources) };
}

/** `sampleJobResources` of the app's `magekit.json` (written by the integration generator), or none. */
function readSampleJobResources(app: DevApp): string[] {
  try {
    const manifest = JSON.parse(readFileSync(join(app.workspaceRoot, app.projectRoot, 'magekit.json'), 'utf8')) as {
      sampleJobResources?: unknown;
    };
    return Array.isArray(manifest.sampleJobResources)
      ? manifest.sampleJobResources.filter((id): id is string => typeof id === 'string')
      : [];
  } catch {
    return [];
  }
}
