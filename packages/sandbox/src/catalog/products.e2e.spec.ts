import { criteria, integrationCaller, type StoreCaller } from '../search/store-caller.test';
import { startSandbox, type RunningSandbox } from '../testing';

describe('sandbox: products over HTTP (ProductRepositoryInterface)', () => {
  let sandbox: RunningSandbox;
  let store: StoreCaller;

  beforeAll(async () => {
    sandbox = await startSandbox();
    store = await integrationCaller(sandbox, ['Magento_Catalog::products']);
  });
  afterAll(() => sandbox.close());

  it('GET /V1/products/:sku renders ProductInterface in getter order, with the stock item', async () => {
    const answer = await store.get('products/24-MB01');
    expect(answer.status).toBe(200);
    const weight = answer.body.type_id === 'simple' ? ['weight'] : [];
    expect(Object.keys(answer.body)).toEqual([
      'id',
      'sku',
      'name',
      'attribute_set_id',
      'price',
      'status',
      'visibility',
      'type_id',
      'created_at',
      'updated_at',
      ...weight,
      'extension_attributes',
      'product_links',
      'options',
      'media_gallery_entries',
      'tier_prices',
      'custom_attributes',
    ]);
    expect(answer.body).toMatchObject({
      id: 1,
      sku: '24-MB01',
      attribute_set_id: 11,
      type_id: expect.stringMatching(/^(simple|virtual)$/),
    });
    expect(answer.body.created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const extension = answer.body.extension_attributes;
    expect(extension.website_ids.length).toBeGreaterThan(0);
    expect(extension.category_links).toEqual([
      { position: 1, category_id: '4' },
      { position: 1, category_id: '3' },
    ]);
    expect(extension.stock_item).toMatchObject({
      item_id: 1,
      product_id: 1,
      stock_id: 1,
      manage_stock: true,
      max_sale_qty: 10000,
    });
    expect(answer.body.custom_attributes).toContainEqual({ attribute_code: 'category_ids', value: ['4', '3'] });
    expect(answer.body.custom_attributes).toContainEqual({
      attribute_code: 'url_key',
      value: expect.stringMatching(/-1$/),
    });
  });

  it('finds the SKU with a slash sent as %2F and the one with a plus sent as %2B', async () => {
    const slash = await store.get('products/MH01%2FXS');
    expect(slash.status).toBe(200);
    expect(slash.body.sku).toBe('MH01/XS');
    const plus = await store.get('products/WS03%2BXL');
    expect(plus.status).toBe(200);
    expect(plus.body.sku).toBe('WS03+XL');
  });

  it('a literal + in the path is a space, so that SKU is not found; an unencoded / is another route', async () => {
    expect(await store.get('products/WS03+XL')).toEqual({
      status: 404,
      body: { message: "The product that was requested doesn't exist. Verify the product and try again." },
    });
    const slashed = await store.get('products/MH01/XS');
    expect(slashed.status).toBe(404);
    expect(slashed.body.message).toBe('Request does not match any route.');
  });

  it('SKUs match case-insensitively, as on MySQL', async () => {
    const answer = await store.get('products/mh01%2Fxs');
    expect(answer.status).toBe(200);
    expect(answer.body.sku).toBe('MH01/XS');
  });

  it('a list item has website_ids and category_links but no stock_item (magento/magento2#36533)', async () => {
    const list = await store.get('products', criteria(['[pageSize]', 1]));
    expect(list.status).toBe(200);
    expect(Object.keys(list.body.items[0].extension_attributes).sort()).toEqual(['category_links', 'website_ids']);
  });

  it('POST creates, PUT updates partially (URL SKU wins), DELETE removes', async () => {
    const body = {
      product: {
        sku: 'NEW-1',
        name: 'Sandbox Tee',
        price: 19.5,
        attribute_set_id: 9,
        type_id: 'simple',
        weight: 0.3,
        extension_attributes: {
          category_links: [{ position: 2, category_id: '11' }],
          stock_item: { qty: 7, is_in_stock: true },
        },
        custom_attributes: [{ attribute_code: 'color', value: '49' }],
      },
    };
    const created = await store.call('POST', 'products', { body });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      sku: 'NEW-1',
      name: 'Sandbox Tee',
      price: 19.5,
      status: 1,
      visibility: 4,
      weight: 0.3,
    });
    expect(created.body.id).toBeGreaterThan(50);
    expect(created.body.extension_attributes).toMatchObject({
      website_ids: [1],
      category_links: [{ position: 2, category_id: '11' }],
      stock_item: { qty: 7, is_in_stock: true, item_id: created.body.id },
    });

    const updated = await store.call('PUT', 'products/NEW-1', {
      body: {
        product: { sku: 'IGNORED', price: 21, custom_attributes: [{ attribute_code: 'description', value: 'Soft.' }] },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: created.body.id,
      sku: 'NEW-1',
      name: 'Sandbox Tee',
      price: 21,
      weight: 0.3,
    });
    expect(updated.body.custom_attributes).toEqual(
      expect.arrayContaining([
        { attribute_code: 'color', value: '49' },
        { attribute_code: 'description', value: 'Soft.' },
      ]),
    );
    expect((await store.get('products/IGNORED')).status).toBe(404);

    expect(await store.call('DELETE', 'products/NEW-1')).toEqual({ status: 200, body: true });
    expect((await store.get('products/NEW-1')).status).toBe(404);
    expect((await store.call('DELETE', 'products/NEW-1')).status).toBe(404);
  });

  it('POST with an existing SKU updates that product (save is an upsert)', async () => {
    const before = await store.get('products/24-MB01');
    const saved = await store.call('POST', 'products', { body: { product: { sku: '24-mb01', name: 'Renamed Bag' } } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      id: before.body.id,
      sku: '24-MB01',
      name: 'Renamed Bag',
      price: before.body.price,
    });
  });

  it('refuses bad input with Magento messages', async () => {
    expect(await store.call('POST', 'products', { body: {} })).toEqual({
      status: 400,
      body: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'product' } },
    });
    expect(await store.call('POST', 'products', { body: { product: { sku: 'NO-NAME', price: 1 } } })).toEqual({
      status: 400,
      body: {
        message: 'The "%1" attribute value is empty. Set the attribute and try again.',
        parameters: ['Product Name'],
      },
    });
    expect(await store.call('POST', 'products', { body: { product: { sku: 'NO-PRICE', name: 'x' } } })).toEqual({
      status: 400,
      body: { message: 'The "%1" attribute value is empty. Set the attribute and try again.', parameters: ['Price'] },
    });
    expect(
      await store.call('POST', 'products', { body: { product: { sku: 'X'.repeat(65), name: 'x', price: 1 } } }),
    ).toEqual({ status: 400, body: { message: 'SKU length should be %1 characters maximum.', parameters: [64] } });
    expect(
      await store.call('POST', 'products', { body: { product: { sku: 'BAD-PRICE', name: 'x', price: 'cheap' } } }),
    ).toEqual({
      status: 400,
      body: {
        message:
          'Error occurred during "price" processing. The "cheap" value\'s type is invalid. The "float" type was expected. Verify and try again.',
      },
    });
  });

  it('refuses an integration without Magento_Catalog::products', async () => {
    const customersOnly = await integrationCaller(sandbox, ['Magento_Customer::customer']);
    for (const answer of [
      await customersOnly.get('products', criteria(['[pageSize]', 1])),
      await customersOnly.get('products/24-MB01'),
      await customersOnly.call('DELETE', 'products/24-MB01'),
    ]) {
      expect(answer).toEqual({
        status: 401,
        body: {
          message: "The consumer isn't authorized to access %resources.",
          parameters: { resources: 'Magento_Catalog::products' },
        },
      });
    }
    expect((await store.get('products/24-MB01')).status).toBe(200);
  });
});
