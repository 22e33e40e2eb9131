import { createHash } from 'node:crypto';
import {
  bulkPath,
  createMagentoClient,
  createOAuthAuth,
  path,
  sendAsync,
  sendBulk,
  waitForBulk,
  type BulkStatus,
  type MagentoClient,
} from '@magekit/client';
import { PRODUCT_NOT_FOUND } from '../catalog/products.service';
import { startSandbox, type DirectActivation, type RunningSandbox } from '../testing';
import { BULK_STATUS_RESOURCE, consumerOf } from './async-caller.test';

describe('@magekit/client async/bulk calls and waitForBulk against the sandbox store', () => {
  let sandbox: RunningSandbox;
  let client: MagentoClient;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: false });
    const integration = await sandbox.admin.createIntegration({
      name: 'bulk-client',
      resources: ['Magento_Catalog::products', BULK_STATUS_RESOURCE],
    });
    const activation = (await sandbox.admin.activate(integration.id)) as DirectActivation;
    client = createMagentoClient({
      baseUrl: sandbox.baseUrl,
      store: 'default',
      auth: createOAuthAuth({
        consumerKey: activation.consumer_key,
        consumerSecret: activation.consumer_secret,
        accessToken: activation.access_token,
        accessTokenSecret: activation.access_token_secret,
      }),
    });
  });
  afterAll(() => sandbox.close());

  /** A sleep that lets the paused consumer run everything queued, recording the waits asked for. */
  function consumerSleep(delays: number[]) {
    return async (ms: number) => {
      delays.push(ms);
      consumerOf(sandbox).resume();
      await consumerOf(sandbox).idle();
    };
  }

  it('sends a bulk, sees it open, waits while the consumer runs it, and gets every result', async () => {
    consumerOf(sandbox).pause();
    const products = ['cb-1', 'cb-2'].map((sku) => ({ product: { sku, name: `Client ${sku}`, price: 3 } }));
    const accepted = await sendBulk(client, { method: 'POST', path: '/V1/products', items: products });
    expect(accepted.items.map((item) => [item.id, item.status])).toEqual([
      [0, 'accepted'],
      [1, 'accepted'],
    ]);
    const polls: BulkStatus[] = [];
    const delays: number[] = [];
    const bulk = await waitForBulk(client, accepted.bulkUuid, {
      sleep: consumerSleep(delays),
      onPoll: (status) => polls.push(status),
    });
    expect(delays).toEqual([1000]);
    // While open, each operation still holds its input; its SHA-256 is the accepted item's data_hash.
    expect(polls[0].operations.map((operation) => operation.state)).toEqual(['open', 'open']);
    expect(
      polls[0].operations.map((operation) =>
        createHash('sha256')
          .update(operation.serializedData ?? '')
          .digest('hex'),
      ),
    ).toEqual(accepted.items.map((item) => item.dataHash));
    expect(bulk.finished).toBe(true);
    expect(bulk.failed).toEqual([]);
    expect(bulk.operations.map((operation) => (operation.result as { sku: string }).sku)).toEqual(['cb-1', 'cb-2']);
    expect(await client.get(path('/V1/products/:sku', { sku: 'cb-2' }))).toMatchObject({ name: 'Client cb-2' });
  });

  it('reports failed operations of a finished bulk without throwing', async () => {
    consumerOf(sandbox).pause();
    const accepted = await sendBulk(client, {
      method: 'DELETE',
      path: bulkPath('/V1/products/:sku'),
      items: [{ sku: 'cb-1' }, { sku: 'cb-missing' }],
    });
    const bulk = await waitForBulk(client, accepted.bulkUuid, { sleep: consumerSleep([]) });
    expect(bulk.operations.map((operation) => operation.state)).toEqual(['complete', 'notRetriablyFailed']);
    expect(bulk.failed).toMatchObject([{ id: 1, resultMessage: PRODUCT_NOT_FOUND, errorCode: 0 }]);
  });

  it('sends a single async call and waits for it', async () => {
    const accepted = await sendAsync(client, {
      method: 'PUT',
      path: path('/V1/products/:sku', { sku: 'cb-2' }),
      body: { product: { name: 'Renamed' } },
    });
    expect(accepted.items).toHaveLength(1);
    const bulk = await waitForBulk(client, accepted.bulkUuid, { sleep: consumerSleep([]) });
    expect(bulk.operations[0]).toMatchObject({ state: 'complete', result: { sku: 'cb-2', name: 'Renamed' } });
  });
});
