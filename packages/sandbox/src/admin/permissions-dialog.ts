import { ADMIN_ROOT_ID, listAncestors, sortInTreeOrder, type ResourceTree } from '@magekit/acl';
import type { IntegrationView } from '../integrations/integration.service';

/** One API resource the integration asks for, as the activation dialog lists it. */
export interface RequestedResource {
  id: string;
  /** The resource's title in the store's ACL tree (`acl.xml`), e.g. `Products`. */
  title: string;
  /** Titles of its ancestors below `Magento Admin`, e.g. `["Catalog", "Inventory"]`. */
  path: string[];
}

/**
 * What Magento's `PermissionsDialog` shows before Activate / Reauthorize: the integration's requested
 * resources with their ACL titles (the "Available APIs" tab), and which flow Allow runs next.
 */
export interface PermissionsDialogView {
  integration_id: number;
  name: string;
  /** Reauthorize when the integration is not Inactive (`Link\Activate`: Active and Reset both reauthorize). */
  reauthorize: boolean;
  /** `tokensExchange` (both URLs: callback POST and identity link) or `tokens` (`TokensDialog`). */
  activation: IntegrationView['activation'];
  all_resources: boolean;
  /** In tree order; one `All resources` entry when the integration has all resources, [] when none. */
  resources: RequestedResource[];
}

/** The title shown for an integration with all resources. */
export const ALL_RESOURCES_TITLE = 'All resources';

/** Builds the permissions dialog of an integration from the store's ACL tree. */
export function describePermissions(integration: IntegrationView, tree: ResourceTree): PermissionsDialogView {
  return {
    integration_id: integration.id,
    name: integration.name,
    reauthorize: integration.status !== 0,
    activation: integration.activation,
    all_resources: integration.all_resources,
    resources: integration.all_resources
      ? [{ id: 'Magento_Backend::all', title: ALL_RESOURCES_TITLE, path: [] }]
      : listRequested(integration.resources, tree),
  };
}

function listRequested(ids: string[], tree: ResourceTree): RequestedResource[] {
  return sortInTreeOrder(tree, ids).map((id) => ({
    id,
    title: tree.nodes.get(id)?.title || id,
    path: listAncestors(tree, id)
      .filter((ancestor) => ancestor !== ADMIN_ROOT_ID)
      .map((ancestor) => tree.nodes.get(ancestor)?.title || ancestor),
  }));
}
