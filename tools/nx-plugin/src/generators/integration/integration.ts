import {
  formatFiles,
  generateFiles,
  getProjects,
  logger,
  offsetFromRoot,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import { join } from 'node:path';
import { fail, normalizeOptions } from './lib/normalize-options';
import { writeAppManifest } from './lib/app-manifest';
import { formatNextSteps } from './lib/next-steps';
import { addProject, writePackageJson } from './lib/project-files';
import { resolveRequiredResources } from './lib/required-resources';
import type { IntegrationGeneratorSchema } from './schema';

/**
 * Scaffolds a Magento integration app on the magekit integration service: package.json,
 * project.json, tsconfigs, Jest config, `src/main.ts` (startIntegrationService with the app's
 * defaults), `src/config.ts` (port, tenant, data folder, required resources from --calls or
 * --resources), `magekit.json` (the same, machine-readable), a sample job over every active store with its unit and sandbox tests, and a
 * README. Validates everything before writing; refuses an existing folder or project name.
 * Installs nothing.
 */
export async function integrationGenerator(tree: Tree, schema: IntegrationGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeOptions(tree, schema);
  if (tree.exists(options.projectRoot))
    fail(`${options.projectRoot} already exists; nothing was changed. Remove it or choose another name.`);
  if (getProjects(tree).has(options.name))
    fail(
      `a project named "${options.name}" already exists (${getProjects(tree).get(options.name)?.root}); nothing was changed.`,
    );
  const required = resolveRequiredResources(tree, options);
  writePackageJson(tree, options);
  addProject(tree, options);
  writeAppManifest(tree, options, required);
  generateFiles(tree, join(__dirname, 'files'), options.projectRoot, {
    ...options,
    required,
    offset: offsetFromRoot(options.projectRoot),
    commentSafe: (text: string) => text.replace(/\*\//g, '*\\/'),
    tmpl: '',
  });
  await formatFiles(tree);
  return () => {
    logger.info(formatNextSteps(options));
  };
}

export default integrationGenerator;
