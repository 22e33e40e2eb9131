import { createOAuthAuth } from '../auth/oauth-auth';
import { createMagentoClient } from '../rest/create-magento-client';
import { failureOf, startFakeMagento, type FakeMagentoServer } from '../testing';
import { bulkPath, sendAsync, sendBulk } from './send-async';
import { parseAsyncResponse } from './parse-async-response';

let store: FakeMagentoServer;
afterEach(async () => store?.close());

async function setup() {
  store = await startFakeMagento();
  const { consumerKey, consumerSecret, accessToken, accessTokenSecret } = store.credentials;
  return createMagentoClient({
    baseUrl: store.baseUrl,
    store: 'default',
    auth: createOAuthAuth({ consumerKey, consumerSecret, accessToken, accessTokenSecret }),
  });
}

const ACCEPTED = (count: number) => ({
  status: 202,
  json: {
    bulk_uuid: '1d1bbbd4-47e8-4d7e-9d8a-2bde57c8d6bf',
    request_items: Array.from({ length: count }, (_, id) => ({ id, data_hash: `h${id}`, status: 'accepted' })),
    errors: false,
  },
});

describe('sendAsync / sendBulk: Magento_WebapiAsync calls', () => {
  it('sends an async call to /rest/<store>/async/V1/…, signed for that URL, and reads the 202', async () => {
    const client = await setup();
    store.expect('POST', '/rest/default/async/V1/products', (request) => {
      expect(request.oauth?.valid).toBe(true);
      expect(JSON.parse(request.body)).toEqual({ product: { sku: 'a' } });
      return ACCEPTED(1);
    });
    const accepted = await sendAsync(client, { method: 'POST', path: '/V1/products', body: { product: { sku: 'a' } } });
    expect(accepted).toEqual({
      bulkUuid: '1d1bbbd4-47e8-4d7e-9d8a-2bde57c8d6bf',
      items: [{ id: 0, dataHash: 'h0', status: 'accepted' }],
      errors: false,
    });
    store.assertDone();
  });

  it('sends a bulk as the array of entities to /rest/<store>/async/bulk/V1/…/by<Param>', async () => {
    const client = await setup();
    store.expect('PUT', '/rest/es_mx/async/bulk/V1/products/bySku', (request) => {
      expect(JSON.parse(request.body)).toEqual([{ product: { sku: 'a' } }, { product: { sku: 'b' } }]);
      return ACCEPTED(2);
    });
    const accepted = await sendBulk(client, {
      method: 'PUT',
      path: bulkPath('/V1/products/:sku'),
      store: 'es_mx',
      items: [{ product: { sku: 'a' } }, { product: { sku: 'b' } }],
    });
    expect(accepted.items.map((item) => item.id)).toEqual([0, 1]);
    store.assertDone();
  });

  it('refuses GET, a bulk path with a :param and items that are not an array before sending anything', async () => {
    const client = await setup();
    expect(await failureOf(sendAsync(client, { method: 'get', path: '/V1/products' }))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await failureOf(sendBulk(client, { method: 'PUT', path: '/V1/products/:sku', items: [] }))).toMatchObject({
      code: 'INVALID_INPUT',
      hint: expect.stringContaining('bulkPath'),
    });
    expect(
      await failureOf(sendBulk(client, { method: 'POST', path: '/V1/products', items: { a: 1 } as unknown as [] })),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    store.assertDone();
  });

  it('reports a synchronous answer (no Magento_WebapiAsync) as INVALID_RESPONSE and passes store errors through', async () => {
    const client = await setup();
    store.expect('POST', '/rest/default/async/V1/products', { json: { sku: 'a', id: 5 } });
    expect(await failureOf(sendAsync(client, { method: 'POST', path: '/V1/products', body: {} }))).toMatchObject({
      code: 'INVALID_RESPONSE',
    });
    store.expect('POST', '/rest/default/async/V1/products', {
      status: 400,
      json: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'product' } },
    });
    expect(await failureOf(sendAsync(client, { method: 'POST', path: '/V1/products', body: {} }))).toMatchObject({
      code: 'BAD_REQUEST',
      status: 400,
      magento: { parameters: { fieldName: 'product' } },
    });
    store.assertDone();
  });

  it('parses rejected items with their error (MassSchedule after a BulkException)', () => {
    const parsed = parseAsyncResponse({
      bulk_uuid: 'u',
      request_items: [
        { id: 0, data_hash: 'h', status: 'accepted' },
        { id: 1, data_hash: null, status: 'rejected', error_message: 'bad', error_code: 0 },
      ],
      errors: true,
    });
    expect(parsed.errors).toBe(true);
    expect(parsed.items[1]).toEqual({ id: 1, dataHash: null, status: 'rejected', errorMessage: 'bad', errorCode: 0 });
    expect(() => parseAsyncResponse({ bulk_uuid: 'u', request_items: [{ id: 'x', status: 'accepted' }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_RESPONSE' }),
    );
  });

  it.each([
    ['/V1/products/:sku', '/V1/products/bySku'],
    ['/V1/products/:sku/media/:entryId', '/V1/products/bySku/media/byEntryId'],
    ['/V1/products', '/V1/products'],
  ])('bulkPath(%s) = %s', (route, expected) => {
    expect(bulkPath(route)).toBe(expected);
  });
});
