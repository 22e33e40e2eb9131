import { createHash } from 'node:crypto';
import { PRODUCT_NOT_FOUND } from '../catalog/products.service';
import { SIGN_IN_FAILED } from '../common/magento-exception';
import { startSandbox, type RunningSandbox } from '../testing';
import { BULK_STATUS_RESOURCE, consumerOf, countBulks, restCaller, type RestCaller } from './async-caller.test';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";

/** The `serialized_data` Magento stores, built here with JSON.stringify (the inputs have no `/` and no non-ASCII). */
function expectedSerializedData(input: unknown, storeId: string): string {
  return JSON.stringify({
    entity_id: null,
    entity_link: '',
    meta_information: JSON.stringify(input),
    store_id: storeId,
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sandbox: the asynchronous web API (/rest/async/V1/…, Magento_WebapiAsync)', () => {
  let sandbox: RunningSandbox;
  let writer: RestCaller;
  let reader: RestCaller;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: { products: 5, customers: 1, orders: 0 } });
    writer = await restCaller(sandbox, ['Magento_Catalog::products']);
    reader = await restCaller(sandbox, [BULK_STATUS_RESOURCE]);
  });
  afterEach(async () => {
    consumerOf(sandbox).resume();
    await consumerOf(sandbox).idle();
  });
  afterAll(() => sandbox.close());

  const detailed = async (uuid: string) => (await reader.call('GET', `V1/bulk/${uuid}/detailed-status`)).body;

  it('answers 202 with the bulk uuid and an accepted item hashed over its serialized data, then the consumer runs the product save', async () => {
    consumerOf(sandbox).pause();
    const body = {
      product: { sku: 'async-1', name: 'Async one', price: 12.5, attribute_set_id: 4, type_id: 'simple' },
    };
    const answer = await writer.call('POST', 'default/async/V1/products', body);
    expect(answer.status).toBe(202);
    expect(Object.keys(answer.body)).toEqual(['bulk_uuid', 'request_items', 'errors']);
    expect(answer.body.bulk_uuid).toMatch(UUID_V4);
    const serialized = expectedSerializedData(body, '1');
    expect(answer.body.request_items).toEqual([{ id: 0, data_hash: sha256(serialized), status: 'accepted' }]);
    expect(answer.body.errors).toBe(false);

    const open = await detailed(answer.body.bulk_uuid);
    const topic = 'async.magento.catalog.api.productrepositoryinterface.save.post';
    expect(open).toEqual({
      operations_list: [
        {
          id: 0,
          bulk_uuid: answer.body.bulk_uuid,
          topic_name: topic,
          serialized_data: serialized,
          result_serialized_data: null,
          status: 4,
          result_message: null,
          error_code: null,
        },
      ],
      user_type: 1,
      bulk_id: answer.body.bulk_uuid,
      description: `Topic ${topic}`,
      start_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      user_id: writer.integrationId,
      operation_count: 1,
    });
    expect((await writer.call('GET', 'V1/products/async-1')).status).toBe(404);

    consumerOf(sandbox).resume();
    await consumerOf(sandbox).idle();
    const done = (await detailed(answer.body.bulk_uuid)).operations_list[0];
    expect(done).toMatchObject({
      status: 1,
      result_message: 'Service execution success Magento\\Catalog\\Api\\ProductRepositoryInterface::save',
      error_code: null,
      serialized_data: null,
    });
    expect(JSON.parse(done.result_serialized_data)).toMatchObject({ sku: 'async-1', name: 'Async one', price: 12.5 });
    expect((await writer.call('GET', 'V1/products/async-1')).body).toMatchObject({ sku: 'async-1' });
  });

  it('records a failing operation as not retriably failed (3) with the exception message, keeping its input', async () => {
    const answer = await writer.call('DELETE', 'async/V1/products/no-such-sku');
    expect(answer.status).toBe(202);
    await consumerOf(sandbox).idle();
    const [operation] = (await detailed(answer.body.bulk_uuid)).operations_list;
    expect(operation).toMatchObject({
      status: 3,
      result_message: PRODUCT_NOT_FOUND,
      error_code: 0,
      result_serialized_data: null,
      topic_name: 'async.magento.catalog.api.productrepositoryinterface.deletebyid.delete',
    });
    // DELETE input is the route parameters only (the synchronous resolver ignores a DELETE body).
    expect(operation.serialized_data).toBe(expectedSerializedData({ sku: 'no-such-sku' }, '1'));
  });

  it('routes and authorizes as the synchronous route: ACL refusal, no route, GET refused, no implementation', async () => {
    const outsider = await restCaller(sandbox, ['Magento_Backend::store']);
    const before = await countBulks(sandbox);
    expect(await outsider.call('POST', 'async/V1/products', { product: { sku: 'x' } })).toEqual({
      status: 401,
      body: { message: NOT_AUTHORIZED, parameters: { resources: 'Magento_Catalog::products' } },
    });
    expect(await writer.call('POST', 'async/V1/no-such-route', {})).toEqual({
      status: 404,
      body: { message: 'Request does not match any route.' },
    });
    expect(await writer.call('GET', 'async/V1/products/async-1')).toEqual({
      status: 400,
      body: { message: 'Specified request cannot be processed.' },
    });
    const all = await restCaller(sandbox, 'all');
    const unimplemented = await all.call('POST', 'async/V1/cmsPage', { page: { identifier: 'x' } });
    expect(unimplemented.status).toBe(501);
    expect(unimplemented.body.parameters[0]).toBe('POST /V1/cmsPage');
    expect(await countBulks(sandbox)).toBe(before);
  });

  it('checks the input as ServiceInputProcessor does before anything is stored', async () => {
    const before = await countBulks(sandbox);
    expect(await writer.call('POST', 'async/V1/products', {})).toEqual({
      status: 400,
      body: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'product' } },
    });
    expect(await writer.call('POST', 'async/V1/products', '{"product":', 'application/json')).toEqual({
      status: 400,
      body: { message: 'Decoding error.' },
    });
    expect(await countBulks(sandbox)).toBe(before);
  });

  it("stores the request's store id: a store view's, the default view's without a code, 0 for all", async () => {
    const body = { product: { sku: 'async-scoped', name: 'Scoped', price: 1 } };
    for (const [prefix, storeId] of [
      ['es_mx/', '2'],
      ['', '1'],
      ['all/', '0'],
    ]) {
      const answer = await writer.call('PUT', `${prefix}async/V1/products/async-scoped`, body);
      expect(answer.status).toBe(202);
      // PUT: the path's sku is written into the product (the body's one object declares it).
      const input = { product: { ...body.product, sku: 'async-scoped' }, sku: 'async-scoped' };
      const serialized = expectedSerializedData(input, storeId);
      expect(answer.body.request_items[0].data_hash).toBe(sha256(serialized));
    }
  });

  it('keeps an anonymous route anonymous: a guest bulk (user type 4, no user id) whose token call fails in the consumer', async () => {
    const response = await fetch(`${sandbox.baseUrl}rest/async/V1/integration/customer/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody@example.com', password: 'wrong-password-1' }),
    });
    expect(response.status).toBe(202);
    const { bulk_uuid: uuid } = (await response.json()) as { bulk_uuid: string };
    await consumerOf(sandbox).idle();
    const status = await detailed(uuid);
    expect(status).toMatchObject({ user_type: 4, user_id: null, operation_count: 1 });
    expect(status.operations_list[0]).toMatchObject({ status: 3, result_message: SIGN_IN_FAILED });
  });
});
