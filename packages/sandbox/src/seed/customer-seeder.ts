import type { SqlRunner } from '../search/sql-runner';
import { seedCustomer } from './customer-seed';
import { createPrng } from './prng';

const CUSTOMER_SEED = 0x5eed0002;

/** Seeds `count` customers sharing `passwordHash` (hashed once: scrypt is deliberately slow). */
export function seedCustomers(sql: SqlRunner, count: number, passwordHash: string): void {
  sql.transaction(() => {
    const insert = sql.db.prepare(
      'INSERT INTO customer_entity (id, email, website_id, password_hash, data) VALUES (?, ?, ?, ?, ?)',
    );
    const prng = createPrng(CUSTOMER_SEED);
    for (let index = 1; index <= count; index++) {
      const row = seedCustomer(index, prng, passwordHash);
      insert.run(row.id, row.email, row.websiteId, row.passwordHash, JSON.stringify(row.data));
    }
  });
}
