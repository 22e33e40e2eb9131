import type { SqlRunner } from '../search/sql-runner';
import { categoryPath, SEED_CATEGORIES } from './category-tree';
import { formatMagentoDate, SEED_EPOCH_MS, toUrlKey } from './magento-values';
import { createPrng } from './prng';
import { seedProduct } from './product-seed';

/** Seed of the product PRNG: changing product counts never changes customers or orders. */
const PRODUCT_SEED = 0x5eed0001;

const INSERT_PRODUCT =
  'INSERT INTO catalog_product_entity (id, sku, name, price, status, visibility, type_id, attribute_set_id, created_at, updated_at, category_ids, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * Seeds the category tree and `count` products in one transaction with one prepared statement,
 * generating each row just before it is inserted (100,000 products never sit in memory at once).
 */
export function seedCatalog(sql: SqlRunner, count: number): void {
  sql.transaction(() => {
    seedCategories(sql);
    const insert = sql.db.prepare(INSERT_PRODUCT);
    const prng = createPrng(PRODUCT_SEED);
    for (let index = 1; index <= count; index++) {
      const row = seedProduct(index, prng);
      insert.run(
        row.id,
        row.sku,
        row.name,
        row.price,
        row.status,
        row.visibility,
        row.typeId,
        row.attributeSetId,
        row.createdAt,
        row.updatedAt,
        JSON.stringify(row.categoryIds),
        JSON.stringify(row.data),
      );
    }
  });
}

/** The fixed tree as `CategoryInterface` JSON (`children`, `path`, `level`, position among siblings). */
function seedCategories(sql: SqlRunner): void {
  const insert = sql.db.prepare(
    'INSERT INTO catalog_category_entity (id, parent_id, position, data) VALUES (?, ?, ?, ?)',
  );
  for (const category of SEED_CATEGORIES) {
    const siblings = SEED_CATEGORIES.filter((other) => other.parentId === category.parentId);
    const children = SEED_CATEGORIES.filter((other) => other.parentId === category.id);
    const path = categoryPath(category.id);
    const position = siblings.indexOf(category) + 1;
    const at = formatMagentoDate(SEED_EPOCH_MS - 86_400_000 + category.id * 60_000);
    const urlKey = toUrlKey(category.name);
    const data = {
      parent_id: category.parentId,
      name: category.name,
      is_active: category.isActive,
      position,
      level: path.length - 1,
      children: children.map((child) => child.id).join(','),
      created_at: at,
      updated_at: at,
      path: path.join('/'),
      available_sort_by: [],
      include_in_menu: category.id > 2 && category.isActive,
      custom_attributes: [
        { attribute_code: 'display_mode', value: 'PRODUCTS' },
        { attribute_code: 'is_anchor', value: '1' },
        { attribute_code: 'path', value: path.join('/') },
        { attribute_code: 'children_count', value: String(countDescendants(category.id)) },
        ...(category.id > 2
          ? [
              { attribute_code: 'url_key', value: urlKey },
              { attribute_code: 'url_path', value: urlPath(category.id) },
            ]
          : []),
      ],
    };
    insert.run(category.id, category.parentId, position, JSON.stringify(data));
  }
}

function countDescendants(id: number): number {
  const children = SEED_CATEGORIES.filter((category) => category.parentId === id);
  return children.reduce((sum, child) => sum + 1 + countDescendants(child.id), 0);
}

/** `men/tops/jackets`: URL keys below the store root. */
function urlPath(id: number): string {
  return categoryPath(id)
    .filter((step) => step > 2)
    .map((step) => toUrlKey(SEED_CATEGORIES.find((category) => category.id === step)?.name ?? ''))
    .join('/');
}
