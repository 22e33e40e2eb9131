import { AclError } from './acl-error';
import type { AclXmlFile, AclXmlResource } from './acl-xml';

/** The root of everything: granting it is Magento's "All resources" (a sibling of the admin tree). */
export const ALL_RESOURCES_ID = 'Magento_Backend::all';
/** The root of the admin tree; Magento adds it to every saved resource list. */
export const ADMIN_ROOT_ID = 'Magento_Backend::admin';

/** One resource of the merged ACL tree. */
export interface AclResourceNode {
  id: string;
  title: string;
  sortOrder: number;
  parentId: string | null;
  /** Child ids, sorted as Magento's TreeBuilder does (sortOrder, stable). */
  children: string[];
  /** Files that declared this id (in merge order). */
  declaredIn: string[];
}

/** The merged ACL resource tree: enabled resources only, as Magento's ACL holds them. */
export interface ResourceTree {
  roots: string[];
  nodes: ReadonlyMap<string, AclResourceNode>;
  /** Ids declared `disabled="true"` (with their subtrees): not part of the ACL at all. */
  disabledIds: ReadonlySet<string>;
}

interface DraftNode extends AclResourceNode {
  disabled: boolean;
}

/**
 * Merges many modules' acl.xml into one tree the way Magento's config reader does
 * (`Magento\Framework\Acl\AclResource\Config\Reader`, id attribute `id`): the same id under the same
 * parent merges (later files override title, sortOrder, disabled), children attach under their
 * parent id, then `TreeBuilder::build()` drops disabled resources and sorts by sortOrder.
 *
 * @throws AclError `ACL_DUPLICATE_ID` when one id is declared under two different parents
 */
export function buildResourceTree(files: readonly AclXmlFile[]): ResourceTree {
  const drafts = new Map<string, DraftNode>();
  const roots: string[] = [];
  for (const file of files) {
    for (const resource of file.resources) mergeResource(resource, null, file.file ?? '(acl.xml)', drafts, roots);
  }
  return finishTree(drafts, roots);
}

function mergeResource(
  resource: AclXmlResource,
  parentId: string | null,
  file: string,
  drafts: Map<string, DraftNode>,
  roots: string[],
): void {
  let node = drafts.get(resource.id);
  if (node === undefined) {
    node = { id: resource.id, title: '', sortOrder: 0, parentId, children: [], declaredIn: [], disabled: false };
    drafts.set(resource.id, node);
    if (parentId === null) roots.push(resource.id);
    else drafts.get(parentId)?.children.push(resource.id);
  } else if (node.parentId !== parentId) {
    throw new AclError(
      `resource ${resource.id} is declared under ${parentId ?? 'the root'} here but under ${node.parentId ?? 'the root'} in ${node.declaredIn.join(', ')}`,
      'ACL_DUPLICATE_ID',
      {
        file,
        line: resource.line,
        hint: 'Resource ids are unique across the merged tree (acl.xsd); nest the resource under the same parent in every file.',
      },
    );
  }
  if (!node.declaredIn.includes(file)) node.declaredIn.push(file);
  if (resource.title !== undefined) node.title = resource.title;
  if (resource.sortOrder !== undefined) node.sortOrder = resource.sortOrder;
  if (resource.disabled !== undefined) node.disabled = resource.disabled;
  for (const child of resource.children) mergeResource(child, resource.id, file, drafts, roots);
}

function finishTree(drafts: Map<string, DraftNode>, roots: string[]): ResourceTree {
  const nodes = new Map<string, AclResourceNode>();
  const disabledIds = new Set<string>();
  const visit = (id: string, dropped: boolean): boolean => {
    const draft = drafts.get(id) as DraftNode;
    if (dropped || draft.disabled) {
      disabledIds.add(id);
      for (const child of draft.children) visit(child, true);
      return false;
    }
    const children = sortBySortOrder(
      draft.children.filter((child) => visit(child, false)),
      drafts,
    );
    nodes.set(id, {
      id,
      title: draft.title,
      sortOrder: draft.sortOrder,
      parentId: draft.parentId,
      children,
      declaredIn: draft.declaredIn,
    });
    return true;
  };
  const keptRoots = sortBySortOrder(
    roots.filter((id) => visit(id, false)),
    drafts,
  );
  return { roots: keptRoots, nodes, disabledIds };
}

function sortBySortOrder(ids: string[], drafts: ReadonlyMap<string, { sortOrder: number }>): string[] {
  return ids
    .map((id, index) => ({ id, index, order: drafts.get(id)?.sortOrder ?? 0 }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map((entry) => entry.id);
}
