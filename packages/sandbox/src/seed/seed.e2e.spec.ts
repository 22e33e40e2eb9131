import { criteria, integrationCaller } from '../search/store-caller.test';
import { startSandbox } from '../testing';

describe('sandbox: deterministic seed', () => {
  async function snapshot(seed: { products: number; customers: number; orders: number }) {
    const sandbox = await startSandbox({ seed });
    try {
      const store = await integrationCaller(sandbox, 'all');
      const products = await store.get('products', criteria(['[pageSize]', 3]));
      const customers = await store.get('customers/search', criteria(['[pageSize]', 2]));
      const order = await store.get('orders/1');
      return { products: products.body, customers: customers.body, order: order.body };
    } finally {
      await sandbox.close();
    }
  }

  it('two starts give the same first products, customers and orders (seeded PRNG, fixed epoch)', async () => {
    const first = await snapshot({ products: 20, customers: 3, orders: 2 });
    const second = await snapshot({ products: 20, customers: 3, orders: 2 });
    expect(first.products.items.map((p: { sku: string }) => p.sku)).toEqual(['24-MB01', 'MH01/XS', 'WS03+XL']);
    expect(second).toEqual(first);
    expect(first.products.total_count).toBe(20);
    expect(first.customers.items.map((c: { email: string }) => c.email)).toEqual([
      'customer1@example.com',
      'customer2@example.com',
    ]);
  });

  it('product data does not depend on how many products are seeded', async () => {
    const small = await snapshot({ products: 5, customers: 0, orders: 0 });
    const larger = await snapshot({ products: 60, customers: 0, orders: 0 });
    expect(larger.products.items).toEqual(small.products.items);
    expect(small.customers.total_count).toBe(0);
    expect(small.order).toEqual({
      message: "The entity that was requested doesn't exist. Verify the entity and try again.",
    });
  });

  it('refuses a negative seed count with a clear message', async () => {
    await expect(startSandbox({ seed: { products: -1 } })).rejects.toThrow(
      'seed.products must be a whole number of at least 0 (got -1).',
    );
  });
});
