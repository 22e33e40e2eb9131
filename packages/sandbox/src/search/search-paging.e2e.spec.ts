import { startSandbox, type RunningSandbox } from '../testing';
import { criteria, group, integrationCaller, type StoreCaller } from './store-caller.test';

interface Item {
  id: number;
  sku: string;
  name: string;
  price: number;
}

describe('sandbox: searchCriteria sort, paging, page-size limit, echo and fields', () => {
  let sandbox: RunningSandbox;
  let store: StoreCaller;
  let all: Item[];

  beforeAll(async () => {
    sandbox = await startSandbox();
    store = await integrationCaller(sandbox, 'all');
    all = (await store.get('products', 'searchCriteria=')).body.items;
  });
  afterAll(() => sandbox.close());

  const ids = (items: Item[]) => items.map((item) => item.id);
  const byPriceThenId = (direction: 1 | -1) => [...all].sort((a, b) => direction * (a.price - b.price) || a.id - b.id);

  it('sorts by a field ASC or DESC (lower case accepted), the id breaking ties; no direction is DESC', async () => {
    const asc = await store.get(
      'products',
      criteria(['[sortOrders][0][field]', 'price'], ['[sortOrders][0][direction]', 'asc']),
    );
    expect(ids(asc.body.items)).toEqual(ids(byPriceThenId(1)));
    expect(asc.body.search_criteria.sort_orders).toEqual([{ field: 'price', direction: 'ASC' }]);
    const noDirection = await store.get('products', criteria(['[sortOrders][0][field]', 'price']));
    expect(ids(noDirection.body.items)).toEqual(ids(byPriceThenId(-1)));
    expect(noDirection.body.search_criteria.sort_orders).toEqual([{ field: 'price' }]);
  });

  it('sorts by several fields in turn, and by text case-insensitively', async () => {
    const answer = await store.get(
      'products',
      criteria(
        ['[sortOrders][0][field]', 'name'],
        ['[sortOrders][0][direction]', 'DESC'],
        ['[sortOrders][1][field]', 'price'],
        ['[sortOrders][1][direction]', 'ASC'],
      ),
    );
    const expected = [...all].sort(
      (a, b) => b.name.toLowerCase().localeCompare(a.name.toLowerCase(), 'en') || a.price - b.price || a.id - b.id,
    );
    expect(answer.body.items.map((item: Item) => item.name.toLowerCase())).toEqual(
      expected.map((item) => item.name.toLowerCase()),
    );
  });

  it('refuses a sort direction other than ASC/DESC', async () => {
    expect(
      await store.get('products', criteria(['[sortOrders][0][field]', 'price'], ['[sortOrders][0][direction]', 'up'])),
    ).toEqual({
      status: 400,
      body: {
        message: 'The sort order has to be specified as %1 for ascending order or %2 for descending order.',
        parameters: ['ASC', 'DESC'],
      },
    });
  });

  it('pages with pageSize and currentPage; total_count is unpaged; currentPage below 1 is page 1', async () => {
    const second = await store.get('products', criteria(['[pageSize]', 7], ['[currentPage]', 2]));
    expect(ids(second.body.items)).toEqual(ids(all.slice(7, 14)));
    expect(second.body.total_count).toBe(50);
    const zero = await store.get('products', criteria(['[pageSize]', 7], ['[currentPage]', 0]));
    expect(ids(zero.body.items)).toEqual(ids(all.slice(0, 7)));
    expect(zero.body.search_criteria).toEqual({ filter_groups: [], page_size: 7, current_page: 0 });
  });

  it('a page past the last repeats the last page (2.4.x), or is empty when repeatLastPage is off', async () => {
    const past = await store.get('products', criteria(['[pageSize]', 20], ['[currentPage]', 9]));
    expect(ids(past.body.items)).toEqual(ids(all.slice(40, 50)));
    expect(past.body.search_criteria.current_page).toBe(9);
    await sandbox.admin.updateStoreSettings('default', { repeatLastPage: false });
    try {
      const empty = await store.get('products', criteria(['[pageSize]', 20], ['[currentPage]', 9]));
      expect(empty.body).toEqual({
        items: [],
        search_criteria: { filter_groups: [], page_size: 20, current_page: 9 },
        total_count: 50,
      });
      const last = await store.get('products', criteria(['[pageSize]', 20], ['[currentPage]', 3]));
      expect(ids(last.body.items)).toEqual(ids(all.slice(40, 50)));
    } finally {
      await sandbox.admin.updateStoreSettings('default', { repeatLastPage: true });
    }
  });

  it('an empty result is page 1 with no items whatever the page', async () => {
    const answer = await store.get(
      'products',
      criteria(...group(0, ['sku', 'NOTHING']), ['[pageSize]', 5], ['[currentPage]', 3]),
    );
    expect(answer.body).toMatchObject({ items: [], total_count: 0 });
  });

  it('refuses a pageSize above the store maximum with Magento message and parameter', async () => {
    expect(await store.get('products', criteria(['[pageSize]', 301]))).toEqual({
      status: 400,
      body: { message: 'Maximum SearchCriteria pageSize is %max', parameters: { max: 300 } },
    });
    expect((await store.get('products', criteria(['[pageSize]', 300]))).status).toBe(200);
    await sandbox.admin.updateStoreSettings('default', { maxPageSize: 10 });
    try {
      expect(await store.get('products', criteria(['[pageSize]', 11]))).toEqual({
        status: 400,
        body: { message: 'Maximum SearchCriteria pageSize is %max', parameters: { max: 10 } },
      });
      await sandbox.admin.updateStoreSettings('default', { maxPageSize: 0 });
      expect((await store.get('products', criteria(['[pageSize]', 100000]))).body.items).toHaveLength(50);
    } finally {
      await sandbox.admin.updateStoreSettings('default', { maxPageSize: 300 });
    }
  });

  it('echoes the criteria as Magento renders them: snake_case keys, condition_type defaulting to eq', async () => {
    const query = [
      'searchCriteria[filter_groups][0][filters][0][field]=sku',
      'searchCriteria[filter_groups][0][filters][0][value]=24-MB01',
      'searchCriteria[filter_groups][1][filters][0][field]=price',
      'searchCriteria[filter_groups][1][filters][0][value]=1',
      'searchCriteria[filter_groups][1][filters][0][conditionType]=gt',
      'searchCriteria[page_size]=5',
      'searchCriteria[currentPage]=1',
    ].join('&');
    const answer = await store.get('products', query);
    expect(answer.status).toBe(200);
    expect(answer.body.search_criteria).toEqual({
      filter_groups: [
        { filters: [{ field: 'sku', value: '24-MB01', condition_type: 'eq' }] },
        { filters: [{ field: 'price', value: '1', condition_type: 'gt' }] },
      ],
      page_size: 5,
      current_page: 1,
    });
    expect(answer.body.items.map((item: Item) => item.sku)).toEqual(['24-MB01']);
    expect(Object.keys(answer.body)).toEqual(['items', 'search_criteria', 'total_count']);
  });

  it('filter_groups and filterGroups name one setter: the later one in the query wins', async () => {
    const answer = await store.get(
      'products',
      'searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=24-MB01&searchCriteria[filterGroups][0][filters][0][field]=sku&searchCriteria[filterGroups][0][filters][0][value]=MH01/XS',
    );
    expect(answer.body.items.map((item: Item) => item.sku)).toEqual(['MH01/XS']);
    expect(answer.body.search_criteria.filter_groups).toEqual([
      { filters: [{ field: 'sku', value: 'MH01/XS', condition_type: 'eq' }] },
    ]);
  });

  it('needs searchCriteria and integer page values', async () => {
    expect(await store.get('products')).toEqual({
      status: 400,
      body: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'searchCriteria' } },
    });
    expect(await store.get('products', criteria(['[pageSize]', 'ten']))).toEqual({
      status: 400,
      body: {
        message:
          'Error occurred during "pageSize" processing. The "ten" value\'s type is invalid. The "int" type was expected. Verify and try again.',
      },
    });
  });

  it('fields trims the response (items[sku,name],total_count); an invalid filter gives []', async () => {
    const trimmed = await store.get('products', `${criteria(['[pageSize]', 2])}&fields=items[sku,name],total_count`);
    expect(trimmed.body).toEqual({
      items: all.slice(0, 2).map((item) => ({ sku: item.sku, name: item.name })),
      total_count: 50,
    });
    const nested = await store.get('products/24-MB01', 'fields=sku,extension_attributes[stock_item[qty,is_in_stock]]');
    expect(Object.keys(nested.body)).toEqual(['sku', 'extension_attributes']);
    expect(Object.keys(nested.body.extension_attributes)).toEqual(['stock_item']);
    expect(Object.keys(nested.body.extension_attributes.stock_item)).toEqual(['qty', 'is_in_stock']);
    expect((await store.get('products/24-MB01', 'fields=sku;name')).body).toEqual([]);
  });
});
