import type { SqlRunner } from '../search/sql-runner';
import { seedOrder, type OrderCustomer, type OrderProduct } from './order-seed';
import { createPrng } from './prng';
import { sortKeysDeep } from './sort-keys';

const ORDER_SEED = 0x5eed0003;
/** Orders draw their items from the first products only (a 100,000-product seed stays cheap). */
const PRODUCT_POOL = 500;

/**
 * Seeds `count` orders from the seeded products and customers (read back from the database).
 * Nothing to order without products: then no orders are seeded and false is returned.
 */
export function seedOrders(sql: SqlRunner, count: number): boolean {
  const products = readProducts(sql);
  if (products.length === 0 || count <= 0) return false;
  const customers = readCustomers(sql);
  sql.transaction(() => {
    const insert = sql.db.prepare(
      'INSERT INTO sales_order (id, increment_id, customer_id, state, status, customer_email, grand_total, created_at, updated_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const prng = createPrng(ORDER_SEED);
    for (let index = 1; index <= count; index++) {
      const row = seedOrder(index, prng, products, customers);
      insert.run(
        row.id,
        row.incrementId,
        row.customerId,
        row.state,
        row.status,
        row.customerEmail,
        row.grandTotal,
        row.createdAt,
        row.updatedAt,
        JSON.stringify(sortKeysDeep(row.data)),
      );
    }
  });
  return true;
}

function readProducts(sql: SqlRunner): OrderProduct[] {
  const rows = sql.all<{
    id: number;
    sku: string;
    name: string;
    price: number;
    type_id: string;
    weight: number | null;
  }>(
    "SELECT id, sku, name, price, type_id, json_extract(data, '$.weight') AS weight FROM catalog_product_entity WHERE price IS NOT NULL ORDER BY id LIMIT ?",
    [PRODUCT_POOL],
  );
  return rows.map((row) => ({
    id: row.id,
    sku: row.sku,
    name: row.name,
    price: row.price,
    typeId: row.type_id,
    weight: row.weight,
  }));
}

function readCustomers(sql: SqlRunner): OrderCustomer[] {
  const rows = sql.all<{ id: number; email: string; data: string }>(
    'SELECT id, email, data FROM customer_entity ORDER BY id',
  );
  return rows.map((row) => {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    const addresses = Array.isArray(data['addresses']) ? (data['addresses'] as Record<string, unknown>[]) : [];
    return {
      id: row.id,
      email: row.email,
      firstname: String(data['firstname'] ?? ''),
      lastname: String(data['lastname'] ?? ''),
      groupId: Number(data['group_id'] ?? 1),
      address: addresses[0] ?? {},
    };
  });
}
