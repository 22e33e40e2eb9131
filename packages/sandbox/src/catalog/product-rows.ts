import type { SqlRunner } from '../search/sql-runner';
import type { ProductWrite } from './product-input';
import { PRODUCT_COLUMNS, type ProductRow } from './product-json';

/** The default-scope row of a SKU (case-insensitive, the column is `NOCASE`), if any. */
export function findProductRow(sql: SqlRunner, sku: string): ProductRow | undefined {
  return sql.get<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM catalog_product_entity WHERE sku = ?`, [sku]);
}

/** Inserts a new product's default-scope row. */
export function insertProductRow(sql: SqlRunner, write: ProductWrite): void {
  sql.run(
    'INSERT INTO catalog_product_entity (sku, name, price, status, visibility, type_id, attribute_set_id, created_at, updated_at, category_ids, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      write.sku,
      write.name,
      write.price,
      write.status,
      write.visibility,
      write.typeId,
      write.attributeSetId,
      write.createdAt,
      write.updatedAt,
      JSON.stringify(write.categoryIds),
      JSON.stringify(write.data),
    ],
  );
}

/** Rewrites a product's default-scope row. */
export function updateProductRow(sql: SqlRunner, id: number, write: ProductWrite): void {
  sql.run(
    'UPDATE catalog_product_entity SET name = ?, price = ?, status = ?, visibility = ?, type_id = ?, attribute_set_id = ?, updated_at = ?, category_ids = ?, data = ? WHERE id = ?',
    [
      write.name,
      write.price,
      write.status,
      write.visibility,
      write.typeId,
      write.attributeSetId,
      write.updatedAt,
      JSON.stringify(write.categoryIds),
      JSON.stringify(write.data),
      id,
    ],
  );
}
