import type { AclXmlFile } from './acl-xml';
import { buildResourceTree, type ResourceTree } from './resource-tree';
import { buildRouteTable, type RouteTable } from './route-table';
import type { WebapiXmlFile } from './webapi-xml';

/** A Magento installation's web-API configuration: the merged ACL tree and the route table. */
export interface MagentoModel {
  tree: ResourceTree;
  routes: RouteTable;
  /** Where it came from, e.g. `Magento Open Source 2.4.6-p1` or a directory. */
  source: string;
}

/** Builds a model from parsed files, each list in module load order. */
export function createMagentoModel(input: {
  acl: readonly AclXmlFile[];
  webapi: readonly WebapiXmlFile[];
  source?: string;
}): MagentoModel {
  return {
    tree: buildResourceTree(input.acl),
    routes: buildRouteTable(input.webapi),
    source: input.source ?? 'parsed files',
  };
}
