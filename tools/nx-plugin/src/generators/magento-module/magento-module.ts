import { formatFiles, generateFiles, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { warnAboutPlaceholders, withAppDefaults } from './lib/app-defaults';
import { normalizeOptions } from './lib/normalize-options';
import type { MagentoModuleGeneratorSchema } from './schema';

/**
 * Writes the merchant-side Magento module declaring an integration: registration.php, composer.json,
 * etc/module.xml (after Magento_Integration) and etc/integration.xml (endpoint, identity link,
 * least-privilege resources). With `--integration <app>` of a generated app, the app's
 * `magekit.json` gives the tenant, the resources and (without `--baseUrl`) the URLs. Warns when no
 * resources are declared or the URLs are placeholders. EJS `<%= %>` escapes XML in integration.xml.
 * Refuses to touch an existing directory.
 */
export async function magentoModuleGenerator(tree: Tree, schema: MagentoModuleGeneratorSchema): Promise<void> {
  const { options: merged, app } = withAppDefaults(tree, schema);
  const options = normalizeOptions(merged);
  if (tree.exists(options.directory) && tree.children(options.directory).length > 0) {
    throw new Error(
      `magento-module: ${options.directory} already exists; nothing was changed. Remove it or pass --directory.`,
    );
  }
  const warnings = warnAboutPlaceholders(options, app);
  generateFiles(tree, join(__dirname, 'files'), options.directory, { ...options, app, warnings, tmpl: '' });
  await formatFiles(tree);
}

export default magentoModuleGenerator;
