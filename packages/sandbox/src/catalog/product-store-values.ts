import type { SqlRunner } from '../search/sql-runner';
import { SCOPED_COLUMNS, type ScopedColumn } from './attribute-scope';
import type { ProductRow } from './product-json';

/** A `catalog_product_store_value` row as SQL returns it (`value` is JSON). */
export interface StoreValueRow {
  product_id: number;
  attribute_code: string;
  value: string;
}

/** A store view value to write: a value, or null to remove it (the store view uses the default again). */
export type StoreValueWrite = readonly [attributeCode: string, value: unknown];

/** The store view values of some products in one store, by product id. */
export function loadStoreValues(
  sql: SqlRunner,
  storeId: number,
  productIds: readonly number[],
): Map<number, StoreValueRow[]> {
  const byProduct = new Map<number, StoreValueRow[]>();
  if (productIds.length === 0) return byProduct;
  const rows = sql.all<StoreValueRow>(
    'SELECT product_id, attribute_code, value FROM catalog_product_store_value WHERE store_id = ? AND product_id IN (SELECT value FROM json_each(?)) ORDER BY id',
    [storeId, JSON.stringify(productIds)],
  );
  for (const row of rows) byProduct.set(row.product_id, [...(byProduct.get(row.product_id) ?? []), row]);
  return byProduct;
}

/** Attribute codes that have a value in the store view for at least one product. */
export function storeValueCodes(sql: SqlRunner, storeId: number): Set<string> {
  const rows = sql.all<{ attribute_code: string }>(
    'SELECT DISTINCT attribute_code FROM catalog_product_store_value WHERE store_id = ?',
    [storeId],
  );
  return new Set(rows.map((row) => row.attribute_code));
}

/**
 * Writes store view values of one product to each of `storeIds` (`AttributePersistor`: a new value
 * inserts or updates the store's row; null deletes it).
 */
export function writeStoreValues(
  sql: SqlRunner,
  productId: number,
  storeIds: readonly number[],
  values: readonly StoreValueWrite[],
): void {
  for (const storeId of storeIds)
    for (const [code, value] of values) {
      if (value === null || value === undefined)
        sql.run(
          'DELETE FROM catalog_product_store_value WHERE product_id = ? AND store_id = ? AND attribute_code = ?',
          [productId, storeId, code],
        );
      else
        sql.run(
          'INSERT INTO catalog_product_store_value (product_id, store_id, attribute_code, value) VALUES (?, ?, ?, ?) ON CONFLICT (product_id, store_id, attribute_code) DO UPDATE SET value = excluded.value',
          [productId, storeId, code, JSON.stringify(value)],
        );
    }
}

/**
 * The product row as a store view sees it: each store view value replaces the default one (the EAV
 * read with the store's values first, `Eav\Model\ResourceModel\ReadHandler`); a custom attribute the
 * default scope lacks is added.
 */
export function applyStoreValues(row: ProductRow, values: readonly StoreValueRow[]): ProductRow {
  if (values.length === 0) return row;
  const out: ProductRow = { ...row };
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const custom = [...((data['custom_attributes'] ?? []) as Array<{ attribute_code: string; value: unknown }>)];
  for (const stored of values) {
    const value = JSON.parse(stored.value) as unknown;
    if ((SCOPED_COLUMNS as readonly string[]).includes(stored.attribute_code)) {
      setColumn(out, stored.attribute_code as ScopedColumn, value);
      continue;
    }
    const index = custom.findIndex((attribute) => attribute.attribute_code === stored.attribute_code);
    if (index >= 0) custom[index] = { attribute_code: stored.attribute_code, value };
    else custom.push({ attribute_code: stored.attribute_code, value });
  }
  out.data = JSON.stringify({ ...data, custom_attributes: custom });
  return out;
}

function setColumn(row: ProductRow, column: ScopedColumn, value: unknown): void {
  if (column === 'name') row.name = value === null ? null : String(value);
  else if (column === 'price') row.price = value === null ? null : Number(value);
  else row[column] = Number(value);
}
