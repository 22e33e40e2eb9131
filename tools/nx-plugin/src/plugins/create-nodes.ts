import { createNodesFromFiles, type CreateNodesV2, type TargetConfiguration } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The `@magekit/nx-plugin` entry's options in `nx.json` (`plugins`): the names of the inferred targets. */
export interface MagekitPluginOptions {
  /** `magekit dev <app>`: the sandbox store, the app, and the store activated against it (default `dev`). */
  devTargetName?: string;
  /** `magekit sandbox start`: a sandbox store alone, for the app's own tests or a debugger (default `sandbox`). */
  sandboxTargetName?: string;
}

/** The integration generator writes `magekit.json` beside each app's project.json. */
export const MAGEKIT_APP_GLOB = '**/magekit.json';

/**
 * Nx's project inference for magekit apps: every folder with a `magekit.json` and a `project.json`
 * gains a `dev` and a `sandbox` target (both continuous). Targets the project declares itself win,
 * as Nx merges inferred targets under `project.json`'s.
 */
export const createNodesV2: CreateNodesV2<MagekitPluginOptions> = [
  MAGEKIT_APP_GLOB,
  (files, options, context) =>
    createNodesFromFiles(
      (file, pluginOptions) => {
        const root = dirname(file);
        const appName = readAppName(join(context.workspaceRoot, file));
        if (appName === null || !existsSync(join(context.workspaceRoot, root, 'project.json'))) return {};
        return { projects: { [root]: { targets: inferTargets(appName, pluginOptions ?? {}) } } };
      },
      files,
      options,
      context,
    ),
];

/** The targets of one app, named after {@link MagekitPluginOptions}. */
export function inferTargets(appName: string, options: MagekitPluginOptions): Record<string, TargetConfiguration> {
  const metadata = (description: string) => ({ technologies: ['magekit'], description });
  return {
    [options.devTargetName ?? 'dev']: {
      executor: 'nx:run-commands',
      dependsOn: ['build'],
      continuous: true,
      options: { command: `npx magekit dev ${appName} --no-build`, cwd: '{workspaceRoot}' },
      metadata: metadata('The sandbox store, this app, and the store activated against it (magekit dev).'),
    },
    [options.sandboxTargetName ?? 'sandbox']: {
      executor: 'nx:run-commands',
      continuous: true,
      options: { command: 'npx magekit sandbox start', cwd: '{workspaceRoot}' },
      metadata: metadata('A local sandbox store that behaves like Magento (magekit sandbox start).'),
    },
  };
}

/** `name` of the app's `magekit.json`, or null when the file is not a magekit app manifest. */
function readAppName(path: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown };
    return typeof manifest.name === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(manifest.name) ? manifest.name : null;
  } catch {
    return null;
  }
}
