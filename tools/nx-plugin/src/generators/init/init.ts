import {
  addDependenciesToPackageJson,
  formatFiles,
  installPackagesTask,
  readJson,
  readNxJson,
  updateJson,
  updateNxJson,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPinnedVersions, WORKSPACE_DEV_DEPENDENCIES } from '../integration/lib/workspace-versions';
import type { MagekitPluginOptions } from '../../plugins/create-nodes';
import type { InitGeneratorSchema } from './schema';

/** The compiler options the apps need (Nest's decorators, Node's module resolution) and magekit's checks. */
const BASE_COMPILER_OPTIONS = {
  target: 'es2022',
  lib: ['es2023'],
  module: 'nodenext',
  moduleResolution: 'nodenext',
  types: ['node'],
  strict: true,
  esModuleInterop: true,
  resolveJsonModule: true,
  isolatedModules: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  declaration: true,
  sourceMap: true,
  skipLibCheck: true,
  forceConsistentCasingInFileNames: true,
};

/** Options Nest cannot work without, added to an existing tsconfig.base.json that lacks them. */
const REQUIRED_COMPILER_OPTIONS = { experimentalDecorators: true, emitDecoratorMetadata: true };

const ESLINT_CONFIGS = [
  'eslint.config.mjs',
  'eslint.config.js',
  'eslint.config.cjs',
  'eslint.config.ts',
  '.eslintrc.json',
  '.eslintrc.js',
];

/**
 * `npx nx add @magekit/nx-plugin`: makes an Nx workspace ready for magekit integration apps.
 * Adds `@magekit/cli`, the plugin and the toolchain (TypeScript, Jest with SWC, ESLint) at the
 * versions the workspace pins (the tested ones where it pins none); writes `tsconfig.base.json`,
 * `jest.preset.js` and `eslint.config.mjs` only where there are none (an existing
 * tsconfig.base.json only gains Nest's decorator options); makes `apps/*` npm workspaces so each
 * app's own package.json is installed; registers the plugin in `nx.json` so each app's `dev` and
 * `sandbox` targets are inferred. Running it again changes nothing.
 */
export async function initGenerator(tree: Tree, options: InitGeneratorSchema = {}): Promise<GeneratorCallback> {
  writeBaseTsconfig(tree);
  if (!tree.exists('jest.preset.js')) writeFromFiles(tree, 'jest.preset.js');
  if (!ESLINT_CONFIGS.some((file) => tree.exists(file))) writeFromFiles(tree, 'eslint.config.mjs');
  addAppsWorkspace(tree);
  addPluginEntry(tree);
  const versions = findPinnedVersions(tree, WORKSPACE_DEV_DEPENDENCIES);
  const install = addDependenciesToPackageJson(tree, {}, versions, undefined, true);
  await formatFiles(tree);
  return options.skipInstall
    ? () => undefined
    : () => {
        install();
        installPackagesTask(tree);
      };
}

/** A file of `files/` as it is (these have no template values). */
function writeFromFiles(tree: Tree, file: string): void {
  tree.write(file, readFileSync(join(__dirname, 'files', `${file}__tmpl__`), 'utf8'));
}

function writeBaseTsconfig(tree: Tree): void {
  if (!tree.exists('tsconfig.base.json')) {
    tree.write('tsconfig.base.json', `${JSON.stringify({ compilerOptions: BASE_COMPILER_OPTIONS }, null, 2)}\n`);
    return;
  }
  updateJson(tree, 'tsconfig.base.json', (json: { compilerOptions?: Record<string, unknown> }) => ({
    ...json,
    compilerOptions: { ...json.compilerOptions, ...REQUIRED_COMPILER_OPTIONS },
  }));
}

/** `apps/*` in the root package.json's `workspaces` (npm, yarn and bun read it; pnpm has its own file). */
function addAppsWorkspace(tree: Tree): void {
  if (!tree.exists('package.json')) return;
  const workspaces = readJson<{ workspaces?: unknown }>(tree, 'package.json').workspaces;
  if (workspaces !== undefined && !Array.isArray(workspaces)) return;
  if ((workspaces ?? []).includes('apps/*')) return;
  updateJson(tree, 'package.json', (json: { workspaces?: string[] }) => ({
    ...json,
    workspaces: [...(json.workspaces ?? []), 'apps/*'],
  }));
}

/** The plugin's inferred targets, under their default names (kept as they are when the entry exists). */
const PLUGIN_ENTRY = {
  plugin: '@magekit/nx-plugin',
  options: { devTargetName: 'dev', sandboxTargetName: 'sandbox' } satisfies MagekitPluginOptions,
};

/** `@magekit/nx-plugin` in `nx.json`'s `plugins`, once (as a name or an object). */
function addPluginEntry(tree: Tree): void {
  const nxJson = readNxJson(tree);
  if (nxJson === null) return;
  const plugins = nxJson.plugins ?? [];
  const registered = plugins.some(
    (entry) => (typeof entry === 'string' ? entry : entry.plugin) === PLUGIN_ENTRY.plugin,
  );
  if (!registered) updateNxJson(tree, { ...nxJson, plugins: [...plugins, PLUGIN_ENTRY] });
}

export default initGenerator;
