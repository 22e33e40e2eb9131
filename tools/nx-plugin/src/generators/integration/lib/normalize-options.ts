import { normalizePath, readJson, type Tree } from '@nx/devkit';
import type { IntegrationGeneratorSchema } from '../schema';

const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const TENANT = /^[A-Za-z0-9_-]{1,64}$/;
/** magekit's own projects: an app of that name would shadow the package or the project. */
export const RESERVED_NAMES: readonly string[] = [
  'integration',
  'sandbox',
  'dashboard',
  'nest',
  'client',
  'acl',
  'oauth1',
  'cli',
  'nx-plugin',
  'magekit',
];

/** The options after validation (required resources come from {@link resolveRequiredResources}). */
export interface NormalizedIntegrationOptions {
  name: string;
  packageName: string;
  projectRoot: string;
  port: number;
  tenant: string;
  dataDir: string;
  calls: string | null;
  resources: string[] | null;
}

/** An invalid option: names what is wrong and what to do. */
export function fail(message: string): never {
  throw new Error(`integration: ${message}`);
}

/** Validates name, port, tenant, directory and that at most one of --calls and --resources is given. */
export function normalizeOptions(tree: Tree, options: IntegrationGeneratorSchema): NormalizedIntegrationOptions {
  const name = String(options.name ?? '').trim();
  if (!NAME.test(name) || name.length > 50)
    fail(
      `"${name}" is not a kebab-case name: use 1-50 lower-case letters, digits and single dashes, starting with a letter (e.g. acme-sync).`,
    );
  if (RESERVED_NAMES.includes(name))
    fail(
      `"${name}" is reserved: magekit has a project or package of that name (${RESERVED_NAMES.join(', ')}). Pick another name, e.g. ${name}-app.`,
    );
  const port = options.port ?? 3100;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`--port ${String(options.port)} must be an integer from 1 to 65535.`);
  const tenant = options.tenant ?? 'default';
  if (!TENANT.test(tenant))
    fail(
      `--tenant "${tenant}" must be 1-64 letters, digits, _ or - (it is a path segment of the Callback and Identity link URLs).`,
    );
  if (options.calls !== undefined && options.resources !== undefined)
    fail('give either --calls or --resources, not both: --calls derives the resources from the calls the app makes.');
  if (options.calls !== undefined && options.calls.trim() === '')
    fail('--calls needs a file: one "METHOD /V1/path" per line.');
  const directory = normalizePath(options.directory ?? 'apps')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  if (
    directory === '' ||
    directory.startsWith('/') ||
    /^[A-Za-z]:/.test(directory) ||
    directory.split('/').some((part) => part === '..' || part === '.' || part === '')
  ) {
    fail(`--directory "${options.directory}" must be a folder inside the workspace, relative to its root (e.g. apps).`);
  }
  const resources =
    options.resources === undefined
      ? null
      : [
          ...new Set(
            options.resources
              .split(',')
              .map((id) => id.trim())
              .filter((id) => id !== ''),
          ),
        ];
  if (resources !== null && resources.length === 0)
    fail('--resources needs at least one ACL id, e.g. Magento_Catalog::products.');
  return {
    name,
    packageName: appPackageName(tree, name),
    projectRoot: `${directory}/${name}`,
    port,
    tenant,
    dataDir: `.data/${name}`,
    calls: options.calls?.trim() ?? null,
    resources,
  };
}

/**
 * The app's npm name in the workspace's scope: `@acme/<name>` in a workspace whose root package is
 * `@acme/source` (what create-nx-workspace writes) or `acme`; just `<name>` when the root has no name.
 */
export function appPackageName(tree: Tree, name: string): string {
  const root = tree.exists('package.json') ? readJson<{ name?: unknown }>(tree, 'package.json').name : undefined;
  if (typeof root !== 'string') return name;
  const scope = /^@([a-z0-9][a-z0-9._-]*)\//.exec(root)?.[1] ?? (/^[a-z0-9][a-z0-9._-]*$/.test(root) ? root : null);
  return scope === null ? name : `@${scope}/${name}`;
}
