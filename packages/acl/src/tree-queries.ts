import type { AclResourceNode, ResourceTree } from './resource-tree';

/** Returns a resource of the tree, or undefined (unknown or disabled). */
export function getResource(tree: ResourceTree, id: string): AclResourceNode | undefined {
  return tree.nodes.get(id);
}

/** Ancestors of a resource, root first, without the resource itself ([] for a root or unknown id). */
export function listAncestors(tree: ResourceTree, id: string): string[] {
  const chain: string[] = [];
  let parent = tree.nodes.get(id)?.parentId ?? null;
  while (parent !== null) {
    chain.unshift(parent);
    parent = tree.nodes.get(parent)?.parentId ?? null;
  }
  return chain;
}

/** The admin tree's path to a resource as titles, e.g. `Magento Admin > Catalog > Inventory > Products`. */
export function describeBreadcrumb(tree: ResourceTree, id: string): string | null {
  if (!tree.nodes.has(id)) return null;
  return [...listAncestors(tree, id), id].map((node) => tree.nodes.get(node)?.title || node).join(' > ');
}

/** Every resource id in tree order (depth first, children by sortOrder), as the admin tree lists them. */
export function listResourceIds(tree: ResourceTree): string[] {
  const out: string[] = [];
  const visit = (id: string) => {
    out.push(id);
    for (const child of tree.nodes.get(id)?.children ?? []) visit(child);
  };
  for (const root of tree.roots) visit(root);
  return out;
}

/** Sorts resource ids in tree order; ids not in the tree go last, alphabetically. */
export function sortInTreeOrder(tree: ResourceTree, ids: Iterable<string>): string[] {
  const position = new Map(listResourceIds(tree).map((id, index) => [id, index]));
  return [...new Set(ids)].sort(
    (a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0),
  );
}
