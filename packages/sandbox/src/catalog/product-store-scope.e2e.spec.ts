import { criteria, group, integrationCaller, type RestAnswer, type StoreCaller } from '../search/store-caller.test';
import { startSandbox, type RunningSandbox } from '../testing';

describe('sandbox: product values per store view (ProductRepository::save through /rest/<store>/ and /rest/all/)', () => {
  let sandbox: RunningSandbox;
  let store: StoreCaller;

  beforeAll(async () => {
    sandbox = await startSandbox();
    store = await integrationCaller(sandbox, ['Magento_Catalog::products']);
  });
  afterAll(() => sandbox.close());

  const put = (scope: string | undefined, sku: string, product: Record<string, unknown>) =>
    store.call('PUT', `products/${sku}`, { store: scope, body: { product } });
  const read = async (scope: string | undefined, sku: string): Promise<RestAnswer['body']> => {
    const answer = await store.call('GET', `products/${sku}`, { store: scope });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const custom = (product: RestAnswer['body'], code: string): unknown =>
    (product.custom_attributes as Array<{ attribute_code: string; value: unknown }>).find(
      (attribute) => attribute.attribute_code === code,
    )?.value;

  /** A fresh product with default-scope values only, created under /rest/all. */
  async function createProduct(sku: string): Promise<void> {
    const created = await store.call('POST', 'products', {
      store: 'all',
      body: {
        product: {
          sku,
          name: `${sku} default`,
          price: 10,
          attribute_set_id: 4,
          type_id: 'simple',
          custom_attributes: [
            { attribute_code: 'description', value: 'Default text.' },
            { attribute_code: 'color', value: '49' },
          ],
        },
      },
    });
    expect(created.status).toBe(200);
  }

  it('a name written through /rest/default/ stays for that view after a later /rest/all/ write', async () => {
    await createProduct('SCOPE-1');
    const viaView = await put('default', 'SCOPE-1', { name: 'Name in the default view' });
    expect(viaView.status).toBe(200);
    expect(viaView.body.name).toBe('Name in the default view');
    expect((await read('all', 'SCOPE-1')).name).toBe('SCOPE-1 default');
    expect((await read('es_mx', 'SCOPE-1')).name).toBe('SCOPE-1 default');

    expect((await put('all', 'SCOPE-1', { name: 'Global name' })).body.name).toBe('Global name');
    expect((await read('all', 'SCOPE-1')).name).toBe('Global name');
    expect((await read('es_mx', 'SCOPE-1')).name).toBe('Global name');
    expect((await read('default', 'SCOPE-1')).name).toBe('Name in the default view');
    expect((await read(undefined, 'SCOPE-1')).name).toBe('Name in the default view');
  });

  it('/rest/V1/ without a code writes the default store view, not the default scope', async () => {
    await createProduct('SCOPE-2');
    await put(undefined, 'SCOPE-2', { name: 'No code' });
    expect((await read('default', 'SCOPE-2')).name).toBe('No code');
    expect((await read('all', 'SCOPE-2')).name).toBe('SCOPE-2 default');
  });

  it('only the attributes sent become store view values; global ones change every view', async () => {
    await createProduct('SCOPE-3');
    const saved = await put('es_mx', 'SCOPE-3', {
      price: 99,
      custom_attributes: [
        { attribute_code: 'description', value: 'Texto.' },
        { attribute_code: 'color', value: '50' },
      ],
    });
    expect(saved.status).toBe(200);
    const mx = await read('es_mx', 'SCOPE-3');
    expect([mx.price, custom(mx, 'description'), custom(mx, 'color')]).toEqual([99, 'Texto.', '50']);
    for (const scope of ['all', 'default']) {
      const other = await read(scope, 'SCOPE-3');
      expect([other.price, custom(other, 'description'), custom(other, 'color')]).toEqual([10, 'Default text.', '50']);
    }
    await put('all', 'SCOPE-3', { name: 'Renamed for all' });
    expect((await read('es_mx', 'SCOPE-3')).name).toBe('Renamed for all');
  });

  it('sending the unchanged value through a view still pins it there (GET, then PUT the whole product)', async () => {
    await createProduct('SCOPE-4');
    const current = await read('default', 'SCOPE-4');
    expect((await put('default', 'SCOPE-4', { name: current.name, visibility: current.visibility })).status).toBe(200);
    await put('all', 'SCOPE-4', { name: 'New default name', visibility: 1 });
    const inView = await read('default', 'SCOPE-4');
    expect([inView.name, inView.visibility]).toEqual(['SCOPE-4 default', 4]);
  });

  it('a null custom attribute through a view removes its value there (the view uses the default again)', async () => {
    await createProduct('SCOPE-5');
    await put('es_mx', 'SCOPE-5', { custom_attributes: [{ attribute_code: 'description', value: 'Solo aquí.' }] });
    expect(custom(await read('es_mx', 'SCOPE-5'), 'description')).toBe('Solo aquí.');
    await put('es_mx', 'SCOPE-5', { custom_attributes: [{ attribute_code: 'description', value: null }] });
    expect(custom(await read('es_mx', 'SCOPE-5'), 'description')).toBe('Default text.');
  });

  it('a product created through a view gets default-scope values', async () => {
    const created = await store.call('POST', 'products', {
      store: 'es_mx',
      body: { product: { sku: 'SCOPE-6', name: 'Creado', price: 5, attribute_set_id: 4, type_id: 'simple' } },
    });
    expect(created.status).toBe(200);
    expect((await read('all', 'SCOPE-6')).name).toBe('Creado');
    await put('all', 'SCOPE-6', { name: 'Created, renamed' });
    expect((await read('es_mx', 'SCOPE-6')).name).toBe('Created, renamed');
  });

  it('searchCriteria filters, sorts and renders with the store view values of the request store', async () => {
    await createProduct('SCOPE-7');
    await put('es_mx', 'SCOPE-7', { name: 'Zzz nombre unico', status: 2 });
    const byName = (name: string) => criteria(...group(0, ['name', name, 'like']), ...group(1, ['sku', 'SCOPE-7']));
    const inView = await store.call('GET', 'products', { store: 'es_mx', query: byName('%nombre unico%') });
    expect(inView.body.total_count).toBe(1);
    expect(inView.body.items[0]).toMatchObject({ sku: 'SCOPE-7', name: 'Zzz nombre unico', status: 2 });
    expect(
      (await store.call('GET', 'products', { store: 'all', query: byName('%nombre unico%') })).body.total_count,
    ).toBe(0);
    expect(
      (await store.call('GET', 'products', { store: 'es_mx', query: byName('SCOPE-7 default') })).body.total_count,
    ).toBe(0);
    const disabled = await store.call('GET', 'products', {
      store: 'es_mx',
      query: criteria(...group(0, ['status', '2']), ...group(1, ['sku', 'SCOPE-%', 'like'])),
    });
    expect(disabled.body.items.map((item: { sku: string }) => item.sku)).toEqual(['SCOPE-7']);
    const sorted = await store.call('GET', 'products', {
      store: 'es_mx',
      query: criteria(
        ...group(0, ['sku', 'SCOPE-%', 'like']),
        ['[sortOrders][0][field]', 'name'],
        ['[sortOrders][0][direction]', 'DESC'],
      ),
    });
    expect(sorted.body.items[0]).toMatchObject({ sku: 'SCOPE-7', name: 'Zzz nombre unico' });
  });

  it('DELETE removes the store view values with the product', async () => {
    await createProduct('SCOPE-8');
    await put('default', 'SCOPE-8', { name: 'Old view name' });
    expect((await store.call('DELETE', 'products/SCOPE-8', { store: 'all' })).body).toBe(true);
    await createProduct('SCOPE-8');
    expect((await read('default', 'SCOPE-8')).name).toBe('SCOPE-8 default');
  });
});
