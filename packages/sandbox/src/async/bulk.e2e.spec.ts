import { startSandbox, type RunningSandbox } from '../testing';
import { BULK_STATUS_RESOURCE, consumerOf, countBulks, restCaller, type RestCaller } from './async-caller.test';

const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";
const product = (sku: string, name = `Product ${sku}`) => ({ product: { sku, name, price: 5, type_id: 'simple' } });

describe('sandbox: the bulk web API (/rest/async/bulk/V1/…) and the bulk status routes', () => {
  let sandbox: RunningSandbox;
  let writer: RestCaller;
  let reader: RestCaller;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: { products: 5, customers: 1, orders: 0 } });
    writer = await restCaller(sandbox, ['Magento_Catalog::products', BULK_STATUS_RESOURCE]);
    reader = await restCaller(sandbox, [BULK_STATUS_RESOURCE]);
  });
  afterEach(async () => {
    consumerOf(sandbox).resume();
    await consumerOf(sandbox).idle();
  });
  afterAll(() => sandbox.close());

  const bulk = async (method: string, path: string, items: unknown) => {
    const answer = await writer.call(method, `async/bulk/V1/${path}`, items);
    expect(answer.status).toBe(202);
    await consumerOf(sandbox).idle();
    return answer.body as { bulk_uuid: string; request_items: Array<{ id: number; status: string }> };
  };
  const statuses = async (uuid: string) =>
    ((await reader.call('GET', `V1/bulk/${uuid}/status`)).body.operations_list as Array<{ status: number }>).map(
      (operation) => operation.status,
    );

  it('creates, updates through /bySku and deletes through /bySku, one operation per array element', async () => {
    const created = await bulk('POST', 'products', [product('bulk-a'), product('bulk-b')]);
    expect(created.request_items.map((item) => [item.id, item.status])).toEqual([
      [0, 'accepted'],
      [1, 'accepted'],
    ]);
    expect(await statuses(created.bulk_uuid)).toEqual([1, 1]);
    const updated = await bulk('PUT', 'products/bySku', [product('bulk-a', 'Renamed A')]);
    expect(await statuses(updated.bulk_uuid)).toEqual([1]);
    expect((await writer.call('GET', 'V1/products/bulk-a')).body.name).toBe('Renamed A');
    const deleted = await bulk('DELETE', 'products/bySku', [{ sku: 'bulk-a' }, { sku: 'bulk-a' }]);
    expect(await statuses(deleted.bulk_uuid)).toEqual([1, 3]);
    expect((await writer.call('GET', 'V1/products/bulk-a')).status).toBe(404);
    expect((await writer.call('GET', 'V1/products/bulk-b')).status).toBe(200);
  });

  it('has no route with a real value where the bulk route has its by<Param> placeholder', async () => {
    expect(await writer.call('PUT', 'async/bulk/V1/products/bulk-b', [product('bulk-b')])).toEqual({
      status: 404,
      body: { message: 'Request does not match any route.' },
    });
  });

  it('refuses the whole request when one element lacks a required parameter, storing nothing', async () => {
    const before = await countBulks(sandbox);
    expect(await writer.call('POST', 'async/bulk/V1/products', [product('bulk-c'), { name: 'no product' }])).toEqual({
      status: 400,
      body: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'product' } },
    });
    expect(await countBulks(sandbox)).toBe(before);
    expect((await writer.call('GET', 'V1/products/bulk-c')).status).toBe(404);
  });

  it('skips elements that are not arrays and keeps the first spelling of a repeated key', async () => {
    consumerOf(sandbox).pause();
    const answer = await writer.call('POST', 'async/bulk/V1/products', [
      'not an entity',
      { product: { sku: 'bulk-d', name: 'D', price: 1 }, Product: { sku: 'ignored' } },
    ]);
    expect(answer.body.request_items.map((item: { id: number }) => item.id)).toEqual([1]);
    const [operation] = (await reader.call('GET', `V1/bulk/${answer.body.bulk_uuid}/detailed-status`)).body
      .operations_list;
    expect(operation.id).toBe(1);
    expect(JSON.parse(JSON.parse(operation.serialized_data).meta_information)).toEqual({
      product: { sku: 'bulk-d', name: 'D', price: 1 },
    });
  });

  it('serves the short status, counts by status, and 404s an unknown bulk', async () => {
    consumerOf(sandbox).pause();
    const answer = await writer.call('POST', 'async/bulk/V1/products', [product('bulk-e'), product('bulk-f')]);
    const uuid = answer.body.bulk_uuid as string;
    const open = await reader.call('GET', `V1/bulk/${uuid}/operation-status/4`);
    expect(open).toEqual({ status: 200, body: 2 });
    const short = (await reader.call('GET', `V1/bulk/${uuid}/status`)).body;
    expect(Object.keys(short)).toEqual([
      'operations_list',
      'user_type',
      'bulk_id',
      'description',
      'start_time',
      'user_id',
      'operation_count',
    ]);
    expect(short.operations_list).toEqual([
      { id: 0, status: 4, result_message: null, error_code: null },
      { id: 1, status: 4, result_message: null, error_code: null },
    ]);
    consumerOf(sandbox).resume();
    await consumerOf(sandbox).idle();
    expect((await reader.call('GET', `V1/bulk/${uuid}/operation-status/1`)).body).toBe(2);
    expect((await reader.call('GET', `V1/bulk/${uuid}/operation-status/4`)).body).toBe(0);
    expect(await reader.call('GET', 'V1/bulk/no-such-bulk/detailed-status')).toEqual({
      status: 404,
      body: { message: 'Bulk uuid %bulkUuid not exist', parameters: { bulkUuid: 'no-such-bulk' } },
    });
    expect(await reader.call('GET', `V1/bulk/${uuid}/operation-status/open`)).toEqual({
      status: 400,
      body: { message: 'The "open" value\'s type is invalid. The "int" type was expected. Verify and try again.' },
    });
  });

  it('lets any caller with the Bulk Actions resource read any bulk, and no one without it', async () => {
    const { bulk_uuid: uuid } = await bulk('POST', 'products', [product('bulk-g')]);
    const other = await restCaller(sandbox, [BULK_STATUS_RESOURCE]);
    expect((await other.call('GET', `V1/bulk/${uuid}/status`)).status).toBe(200);
    const productsOnly = await restCaller(sandbox, ['Magento_Catalog::products']);
    expect(await productsOnly.call('GET', `V1/bulk/${uuid}/status`)).toEqual({
      status: 401,
      body: { message: NOT_AUTHORIZED, parameters: { resources: BULK_STATUS_RESOURCE } },
    });
  });
});
