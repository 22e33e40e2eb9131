import { formatFiles, generateFiles, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { normalizeOptions } from './lib/normalize-options';
import type { MagentoModuleGeneratorSchema } from './schema';

/**
 * Writes the merchant-side Magento module declaring an integration: registration.php, composer.json,
 * etc/module.xml (after Magento_Integration) and etc/integration.xml (endpoint, identity link,
 * least-privilege resources). EJS `<%= %>` escapes XML in integration.xml. Refuses to touch an existing
 * directory.
 */
export async function magentoModuleGenerator(tree: Tree, schema: MagentoModuleGeneratorSchema): Promise<void> {
  const options = normalizeOptions(schema);
  if (tree.exists(options.directory) && tree.children(options.directory).length > 0) {
    throw new Error(`magento-module: ${options.directory} already exists; nothing was changed. Remove it or pass --directory.`);
  }
  generateFiles(tree, join(__dirname, 'files'), options.directory, { ...options, tmpl: '' });
  await formatFiles(tree);
}

export default magentoModuleGenerator;
