import { AclError } from './acl-error';
import type { MagentoModel } from './magento-model';
import type { AclResourceNode, ResourceTree } from './resource-tree';
import { createRouteTable, type Route } from './route-table';

/** A resource in the serialized tree. */
export interface StockResource {
  id: string;
  title: string;
  sortOrder: number;
  declaredIn: string[];
  children: StockResource[];
}

/** The JSON form of a model (the committed stock table uses it). */
export interface StockData {
  format: 1;
  release: string;
  resources: StockResource[];
  disabledIds: string[];
  routes: Route[];
}

/** Serializes a model to plain JSON data (tree nested, routes in table order). */
export function serializeMagentoModel(model: MagentoModel, release: string): StockData {
  const toStock = (id: string): StockResource => {
    const node = model.tree.nodes.get(id) as AclResourceNode;
    return {
      id,
      title: node.title,
      sortOrder: node.sortOrder,
      declaredIn: [...node.declaredIn],
      children: node.children.map(toStock),
    };
  };
  return {
    format: 1,
    release,
    resources: model.tree.roots.map(toStock),
    disabledIds: [...model.tree.disabledIds].sort(),
    routes: model.routes.routes.map((route) => ({
      ...route,
      parameters: route.parameters.map((p) => ({ ...p })),
      resources: [...route.resources],
      declaredIn: [...route.declaredIn],
    })),
  };
}

/**
 * Rebuilds a model from serialized data.
 *
 * @throws AclError `INVALID_STOCK_DATA` when the data is not format 1
 */
export function deserializeMagentoModel(data: StockData): MagentoModel {
  if (
    data === null ||
    typeof data !== 'object' ||
    data.format !== 1 ||
    !Array.isArray(data.routes) ||
    !Array.isArray(data.resources)
  ) {
    throw new AclError('not a magekit route/resource table (format 1)', 'INVALID_STOCK_DATA');
  }
  const nodes = new Map<string, AclResourceNode>();
  const add = (resource: StockResource, parentId: string | null) => {
    nodes.set(resource.id, {
      id: resource.id,
      title: resource.title,
      sortOrder: resource.sortOrder,
      parentId,
      children: resource.children.map((c) => c.id),
      declaredIn: resource.declaredIn,
    });
    for (const child of resource.children) add(child, resource.id);
  };
  for (const root of data.resources) add(root, null);
  const tree: ResourceTree = { roots: data.resources.map((r) => r.id), nodes, disabledIds: new Set(data.disabledIds) };
  return { tree, routes: createRouteTable(data.routes), source: data.release };
}
