import { runTasksInSerial, type GeneratorCallback, type Tree } from '@nx/devkit';
import { initGenerator } from '../init/init';
import { integrationGenerator } from '../integration/integration';
import type { PresetGeneratorSchema } from './schema';

/**
 * `npx create-nx-workspace <name> --preset=@magekit/nx-plugin`: {@link initGenerator}, then one
 * integration app (named `--app`, else after the workspace) ready for `npx magekit dev <app>`.
 */
export async function presetGenerator(tree: Tree, options: PresetGeneratorSchema): Promise<GeneratorCallback> {
  const init = await initGenerator(tree, {});
  const app = await integrationGenerator(tree, {
    name: options.app ?? options.name,
    port: options.port,
    tenant: options.tenant,
    resources: options.resources,
  });
  return runTasksInSerial(init, app);
}

export default presetGenerator;
