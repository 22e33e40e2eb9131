import { criteria, group, integrationCaller, type StoreCaller } from '../search/store-caller.test';
import { startSandbox, type RunningSandbox } from '../testing';

interface Order {
  entity_id: number;
  increment_id: string;
  status: string;
  customer_id?: number;
  customer_is_guest: number;
  customer_email: string;
  grand_total: number;
  subtotal: number;
  shipping_amount: number;
  items: Array<{ sku: string; product_id: number; qty_ordered: number; price: number; row_total: number }>;
}

describe('sandbox: orders over HTTP (OrderRepositoryInterface)', () => {
  let sandbox: RunningSandbox;
  let store: StoreCaller;
  let all: Order[];

  beforeAll(async () => {
    sandbox = await startSandbox();
    store = await integrationCaller(sandbox, [
      'Magento_Sales::actions_view',
      'Magento_Catalog::products',
      'Magento_Customer::customer',
    ]);
    all = (await store.get('orders', 'searchCriteria=')).body.items;
  });
  afterAll(() => sandbox.close());

  it('seeds 10 orders whose items, totals and customers are consistent with the catalog and customers', async () => {
    expect(all.map((order) => order.increment_id)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i + 1).padStart(9, '0')),
    );
    for (const order of all) {
      const subtotal = order.items.reduce((sum, item) => sum + item.row_total, 0);
      expect(order.subtotal).toBeCloseTo(subtotal, 2);
      expect(order.grand_total).toBeCloseTo(order.subtotal + order.shipping_amount, 2);
      for (const item of order.items) {
        const product = await store.get(`products/${encodeURIComponent(item.sku)}`);
        expect(product.body.id).toBe(item.product_id);
        expect(item.row_total).toBeCloseTo(item.price * item.qty_ordered, 2);
      }
      if (order.customer_is_guest === 0)
        expect((await store.get(`customers/${order.customer_id}`)).body.email).toBe(order.customer_email);
    }
  });

  it('GET /V1/orders/:id renders OrderInterface with keys in byte order, entity_id among them', async () => {
    const answer = await store.get('orders/3');
    expect(answer.status).toBe(200);
    const keys = Object.keys(answer.body);
    expect(keys).toEqual([...keys].sort());
    expect(answer.body).toEqual(all[2]);
    expect(answer.body.entity_id).toBe(3);
    expect(await store.get('orders/99')).toEqual({
      status: 404,
      body: { message: "The entity that was requested doesn't exist. Verify the entity and try again." },
    });
  });

  it('GET /V1/orders filters on columns and JSON fields, sorts and pages', async () => {
    const status = all[0].status;
    const same = await store.get('orders', criteria(...group(0, ['status', status])));
    expect(same.body.items.map((o: Order) => o.entity_id)).toEqual(
      all.filter((o) => o.status === status).map((o) => o.entity_id),
    );
    const guests = await store.get('orders', criteria(...group(0, ['customer_is_guest', '1'])));
    expect(guests.body.items.map((o: Order) => o.entity_id)).toEqual(
      all.filter((o) => o.customer_is_guest === 1).map((o) => o.entity_id),
    );
    const sorted = await store.get(
      'orders',
      criteria(['[sortOrders][0][field]', 'grand_total'], ['[sortOrders][0][direction]', 'DESC'], ['[pageSize]', 3]),
    );
    expect(sorted.body.items.map((o: Order) => o.grand_total)).toEqual(
      [...all]
        .map((o) => o.grand_total)
        .sort((a, b) => b - a)
        .slice(0, 3),
    );
    expect(sorted.body.total_count).toBe(10);
  });

  it('on a flat collection fulltext is like %value% and an unknown condition type is plain equality', async () => {
    const email = all[1].customer_email;
    const fulltext = await store.get(
      'orders',
      criteria(...group(0, ['customer_email', email.slice(2, 8), 'fulltext'])),
    );
    expect(fulltext.body.items.map((o: Order) => o.entity_id)).toEqual(
      all
        .filter((o) => o.customer_email.toLowerCase().includes(email.slice(2, 8).toLowerCase()))
        .map((o) => o.entity_id),
    );
    const moreq = await store.get('orders', criteria(...group(0, ['increment_id', '000000004', 'moreq'])));
    expect(moreq.body.items.map((o: Order) => o.increment_id)).toEqual(['000000004']);
  });

  it('a field that is not a sales_order column is the masked 500 of the SQL error', async () => {
    const answer = await store.get('orders', criteria(...group(0, ['no_such_column', '1'])));
    expect(answer.status).toBe(500);
    expect(answer.body.message).toBe('Internal Error. Details are available in Magento log file. Report ID: %1');
  });

  it('refuses an integration without Magento_Sales::actions_view', async () => {
    const catalogOnly = await integrationCaller(sandbox, ['Magento_Catalog::products']);
    expect(await catalogOnly.get('orders/1')).toEqual({
      status: 401,
      body: {
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: 'Magento_Sales::actions_view' },
      },
    });
  });
});
