import { addProjectConfiguration, writeJson, type Tree } from '@nx/devkit';
import type { NormalizedIntegrationOptions } from './normalize-options';
import { APP_DEPENDENCIES, APP_DEV_DEPENDENCIES, findPinnedVersions } from './workspace-versions';

/** `package.json`: private, CommonJS, the workspace's exact versions. */
export function writePackageJson(tree: Tree, options: NormalizedIntegrationOptions): void {
  const versions = findPinnedVersions(tree, [...APP_DEPENDENCIES, ...APP_DEV_DEPENDENCIES]);
  const pick = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, versions[name]]));
  writeJson(tree, `${options.projectRoot}/package.json`, {
    name: options.packageName,
    version: '0.1.0',
    private: true,
    description: `${options.name}: a Magento integration on the magekit integration service (activation, stores, admin API, dashboard) with its own jobs.`,
    main: './dist/main.js',
    scripts: { start: 'node dist/main.js' },
    dependencies: pick(APP_DEPENDENCIES),
    devDependencies: pick(APP_DEV_DEPENDENCIES),
  });
}

/** `project.json`: the targets of apps/integration (tsc build, typecheck, lint, jest test after the build); `serve` runs `magekit dev` (sandbox, app, active store) after the build. */
export function addProject(tree: Tree, options: NormalizedIntegrationOptions): void {
  const root = options.projectRoot;
  addProjectConfiguration(tree, options.name, {
    root,
    sourceRoot: `${root}/src`,
    projectType: 'application',
    tags: ['scope:app'],
    targets: {
      build: {
        executor: 'nx:run-commands',
        outputs: ['{projectRoot}/dist'],
        options: { command: `tsc -p ${root}/tsconfig.app.json` },
      },
      serve: {
        executor: 'nx:run-commands',
        dependsOn: ['build'],
        continuous: true,
        options: { command: `npx magekit dev ${options.name} --no-build` },
      },
      typecheck: { executor: 'nx:run-commands', options: { command: `tsc -p ${root}/tsconfig.json --noEmit` } },
      lint: { executor: 'nx:run-commands', options: { command: `eslint ${root}` } },
      test: {
        executor: 'nx:run-commands',
        dependsOn: ['build'],
        options: { command: `jest -c ${root}/jest.config.cjs` },
      },
    },
  });
}
