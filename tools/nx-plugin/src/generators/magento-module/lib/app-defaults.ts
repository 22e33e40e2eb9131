import { getProjects, logger, type Tree } from '@nx/devkit';
import { loadStockModel, sortInTreeOrder } from '@magekit/acl';
import { readAppManifest, type AppManifest } from '../../integration/lib/app-manifest';
import type { MagentoModuleGeneratorSchema } from '../schema';

/** The example host of `--baseUrl` when nothing else gives one: a placeholder. */
export const EXAMPLE_BASE_URL = 'https://integration.example.com';

/**
 * The options with what a generated app (`--integration <app>`, its `magekit.json`) gives where
 * they leave a value unset: the tenant, the base URL (`publicUrl`, else `http://localhost:<port>`)
 * and the resources (`requiredResources` and `sampleJobResources`, plus `--resources`, in tree order).
 */
export function withAppDefaults(
  tree: Tree,
  options: MagentoModuleGeneratorSchema,
): { options: MagentoModuleGeneratorSchema; app: AppManifest | null } {
  const project = getProjects(tree).get((options.integration ?? '').trim());
  const app = project === undefined ? null : readAppManifest(tree, project.root);
  if (app === null) return { options, app: null };
  const given = (options.resources ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const all = new Set([...app.requiredResources, ...app.sampleJobResources, ...given]);
  const model = loadStockModel();
  const known = sortInTreeOrder(
    model.tree,
    [...all].filter((id) => model.tree.nodes.has(id)),
  );
  const resources = [...known, ...[...all].filter((id) => !model.tree.nodes.has(id))];
  return {
    options: {
      ...options,
      tenant: options.tenant ?? app.tenant,
      baseUrl: options.baseUrl ?? app.publicUrl ?? `http://localhost:${app.port}`,
      resources: resources.join(','),
    },
    app,
  };
}

/**
 * Warns (logger.warn) about what a merchant would trip over: a module that grants no resources, and
 * Callback and Identity link URLs that are placeholders (localhost or the example host) Magento
 * cannot reach.
 */
export function warnAboutPlaceholders(
  module: { moduleName: string; resources: readonly string[]; endpointUrl: string },
  app: AppManifest | null,
): string[] {
  const warnings: string[] = [];
  if (module.resources.length === 0) {
    warnings.push(
      `${module.moduleName}: etc/integration.xml declares no <resources>, so the integration may call nothing that needs a resource. ` +
        'Give --resources Vendor_Module::resource,… or --integration <app> of an app generated with the integration generator (its magekit.json lists them).',
    );
  }
  const host = new URL(module.endpointUrl).hostname;
  if (host === 'localhost' || host === '127.0.0.1' || host === '[::1]') {
    warnings.push(
      `${module.moduleName}: the Callback and Identity link URLs are ${new URL(module.endpointUrl).origin} placeholders (the app's development default), which a merchant's Magento cannot reach. ` +
        `Regenerate with --baseUrl https://<public host>${app ? `, the URL the app is started with as PUBLIC_URL (or set "publicUrl" in ${app.name}'s magekit.json)` : ''}.`,
    );
  } else if (module.endpointUrl.startsWith(`${EXAMPLE_BASE_URL}/`)) {
    warnings.push(
      `${module.moduleName}: the Callback and Identity link URLs use the placeholder ${EXAMPLE_BASE_URL}. Regenerate with --baseUrl https://<public host>, the integration service's PUBLIC_URL.`,
    );
  }
  for (const warning of warnings) logger.warn(warning);
  return warnings;
}
