import { ADMIN_ROOT_ID, type ResourceTree } from './resource-tree';
import { listAncestors, sortInTreeOrder } from './tree-queries';

/** What Magento grants for an integration.xml resource list. */
export interface IntegrationGrant {
  /** The ids saved for the integration (Magento also adds `Magento_Backend::admin` on save). */
  granted: string[];
  /** Ids Magento silently drops: not below `Magento_Backend::admin` (unknown, disabled, or a root). */
  dropped: string[];
}

/**
 * The resources a config-based integration really gets: `Integration\Model\Config\Consolidated\Converter`
 * adds every listed resource's parents below `Magento_Backend::admin` and drops ids it cannot find
 * there — so `Magento_Backend::all` cannot be granted from integration.xml.
 */
export function resolveIntegrationResources(tree: ResourceTree, resources: readonly string[]): IntegrationGrant {
  const granted: string[] = [];
  const dropped: string[] = [];
  for (const id of resources) {
    const chain = listAncestors(tree, id);
    if (!tree.nodes.has(id) || chain[0] !== ADMIN_ROOT_ID) {
      dropped.push(id);
      continue;
    }
    granted.push(...chain.slice(1), id);
  }
  return { granted: sortInTreeOrder(tree, granted), dropped: [...new Set(dropped)] };
}
