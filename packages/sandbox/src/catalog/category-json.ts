/** A `catalog_category_entity` row as SQL returns it. */
export interface CategoryRow {
  id: number;
  parent_id: number;
  position: number;
  /** `CategoryInterface` JSON without `id`. */
  data: string;
}

/** `CategoryInterface` as `GET /V1/categories/:categoryId` renders it (`id` first). */
export function renderCategory(row: CategoryRow): Record<string, unknown> {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  return { id: row.id, ...data, parent_id: row.parent_id, position: row.position };
}

/** A node of `CategoryTreeInterface` (`GET /V1/categories`). */
export interface CategoryTreeNode {
  id: number;
  parent_id: number;
  name: unknown;
  is_active: unknown;
  position: number;
  level: unknown;
  product_count: number;
  children_data: CategoryTreeNode[];
}

/**
 * `CategoryManagement::getTree()`: the subtree under `rootId`, children by position, `depth`
 * levels below the root (null: all). `product_count` is the products linked to the category itself
 * (seeded products are linked to their leaf and its ancestors, so this equals the anchor count).
 */
export function buildCategoryTree(
  rows: readonly CategoryRow[],
  rootId: number,
  depth: number | null,
  productCounts: ReadonlyMap<number, number>,
): CategoryTreeNode | null {
  const byParent = new Map<number, CategoryRow[]>();
  for (const row of rows) byParent.set(row.parent_id, [...(byParent.get(row.parent_id) ?? []), row]);
  const root = rows.find((row) => row.id === rootId);
  if (root === undefined) return null;
  const build = (row: CategoryRow, remaining: number | null): CategoryTreeNode => {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    const children =
      remaining === 0 ? [] : [...(byParent.get(row.id) ?? [])].sort((a, b) => a.position - b.position || a.id - b.id);
    return {
      id: row.id,
      parent_id: row.parent_id,
      name: data['name'],
      is_active: data['is_active'],
      position: row.position,
      level: data['level'],
      product_count: productCounts.get(row.id) ?? 0,
      children_data: children.map((child) => build(child, remaining === null ? null : remaining - 1)),
    };
  };
  return build(root, depth);
}
