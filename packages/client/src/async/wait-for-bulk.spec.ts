import { createOAuthAuth } from '../auth/oauth-auth';
import { createMagentoClient } from '../rest/create-magento-client';
import {
  createManualClock,
  createRecordingSleep,
  failureOf,
  startFakeMagento,
  type FakeMagentoServer,
} from '../testing';
import { parseBulkStatus } from './parse-bulk-status';
import { getBulkStatus, waitForBulk } from './wait-for-bulk';

const UUID = '5b0f9c6e-2a34-4b7e-8d3c-9f1e2a3b4c5d';
const STATUS_PATH = `/rest/default/V1/bulk/${UUID}/detailed-status`;

/** A detailed-status answer whose operations have these status codes. */
function detailed(statuses: number[], operationCount = statuses.length) {
  return {
    operations_list: statuses.map((status, id) => ({
      id,
      bulk_uuid: UUID,
      topic_name: 'async.magento.catalog.api.productrepositoryinterface.save.post',
      serialized_data: status === 1 ? null : '{"entity_id":null}',
      result_serialized_data: status === 1 ? `{"sku":"s${id}"}` : null,
      status,
      result_message: status === 1 ? 'Service execution success X::save' : status === 4 ? null : 'No such entity.',
      error_code: status === 1 || status === 4 ? null : 0,
    })),
    user_type: 1,
    bulk_id: UUID,
    description: 'Topic async.magento.catalog.api.productrepositoryinterface.save.post',
    start_time: '2025-01-01 12:00:00',
    user_id: 3,
    operation_count: operationCount,
  };
}

let store: FakeMagentoServer;
afterEach(async () => store?.close());

async function setup() {
  store = await startFakeMagento();
  const clock = createManualClock();
  const sleep = createRecordingSleep(clock);
  const { consumerKey, consumerSecret, accessToken, accessTokenSecret } = store.credentials;
  const client = createMagentoClient({
    baseUrl: store.baseUrl,
    store: 'default',
    mode: 'async',
    auth: createOAuthAuth({ consumerKey, consumerSecret, accessToken, accessTokenSecret }),
    clock,
    sleep,
  });
  return { client, clock, sleep };
}

describe('waitForBulk: polling GET /V1/bulk/:bulkUuid/detailed-status', () => {
  it('polls with growing waits until no operation is open, and returns each operation with its result', async () => {
    const { client, sleep } = await setup();
    store.expect('GET', STATUS_PATH, { json: detailed([4, 4]) });
    store.expect('GET', STATUS_PATH, { json: detailed([1, 4]) });
    store.expect('GET', STATUS_PATH, { json: detailed([1, 3]) });
    const polls: number[] = [];
    const bulk = await waitForBulk(client, UUID, { onPoll: (status) => polls.push(status.operations.length) });
    expect(sleep.delays).toEqual([1000, 2000]);
    expect(polls).toEqual([2, 2, 2]);
    expect(bulk.finished).toBe(true);
    expect(bulk.operations.map((operation) => [operation.id, operation.state, operation.result])).toEqual([
      [0, 'complete', { sku: 's0' }],
      [1, 'notRetriablyFailed', undefined],
    ]);
    expect(bulk.failed.map((operation) => operation.resultMessage)).toEqual(['No such entity.']);
    store.assertDone();
  });

  it('gives up with BULK_TIMEOUT after a last poll at the deadline, never sleeping past it', async () => {
    const { client, sleep } = await setup();
    for (let i = 0; i < 4; i++) store.expect('GET', STATUS_PATH, { json: detailed([1, 4, 4]) });
    const failure = await failureOf(waitForBulk(client, UUID, { timeoutMs: 5_000 }));
    expect(failure.code).toBe('BULK_TIMEOUT');
    expect(failure.message).toContain('2 of 3 operations still open');
    expect(failure.hint).toContain('async.operations.all');
    expect(sleep.delays).toEqual([1000, 2000, 2000]);
    store.assertDone();
  });

  it('uses the sleep, clock and backoff it is given, and caps each wait at maxDelayMs', async () => {
    const { client } = await setup();
    const clock = createManualClock(0);
    const sleep = createRecordingSleep(clock);
    for (let i = 0; i < 4; i++) store.expect('GET', STATUS_PATH, { json: detailed([4]) });
    store.expect('GET', STATUS_PATH, { json: detailed([1]) });
    await waitForBulk(client, UUID, { clock, sleep, initialDelayMs: 100, factor: 3, maxDelayMs: 500 });
    expect(sleep.delays).toEqual([100, 300, 500, 500]);
    store.assertDone();
  });

  it('is ABORTED when the signal fires while it waits', async () => {
    const { client } = await setup();
    const controller = new AbortController();
    store.expect('GET', STATUS_PATH, { json: detailed([4]) });
    const waiting = waitForBulk(client, UUID, {
      signal: controller.signal,
      onPoll: () => controller.abort(new Error('shutting down')),
    });
    expect(await failureOf(waiting)).toMatchObject({
      code: 'ABORTED',
      message: `Waiting for bulk ${UUID} was aborted.`,
    });
    store.assertDone();
  });

  it('explains a refusal of the status route with the ACL resource it needs', async () => {
    const { client } = await setup();
    store.expect('GET', STATUS_PATH, {
      status: 401,
      json: {
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: 'Magento_Logging::system_magento_logging_bulk_operations' },
      },
    });
    const failure = await failureOf(getBulkStatus(client, UUID));
    expect(failure).toMatchObject({ code: 'NOT_AUTHORIZED', status: 401 });
    expect(failure.hint).toContain('Magento_Logging::system_magento_logging_bulk_operations');
    store.assertDone();
  });
});

describe('parseBulkStatus', () => {
  it('is not finished while operations of operation_count are not listed yet (older stores list only processed ones)', () => {
    expect(parseBulkStatus(detailed([1], 2)).finished).toBe(false);
    expect(parseBulkStatus(detailed([1], 1)).finished).toBe(true);
  });

  it('keeps unknown status codes as unknown, reads the short status too, and refuses other shapes', () => {
    const short = parseBulkStatus({
      operations_list: [{ id: 0, status: 9, result_message: null, error_code: null }],
      user_type: 2,
      bulk_id: UUID,
      description: 'Topic t',
      start_time: '2025-01-01 12:00:00',
      user_id: null,
      operation_count: 1,
    });
    expect(short.operations[0]).toMatchObject({ state: 'unknown', statusCode: 9, topicName: null, result: undefined });
    expect(short.userId).toBeNull();
    expect(() => parseBulkStatus({ message: 'x' })).toThrow(expect.objectContaining({ code: 'INVALID_RESPONSE' }));
  });
});
