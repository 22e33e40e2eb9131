import { randomUUID } from 'node:crypto';
import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { createMagentoOpenApiDocument } from '../openapi';
import { SecurityEventLog, type SecurityEventInput } from '../security/security-event-log';
import { callbackForm, startE2eApp, storeConfigs, type E2eApp } from '../test-support/e2e-app';

const HOUR = 60 * 60 * 1000;

describe('admin API (/api/security-events) over HTTP', () => {
  let e2e: E2eApp;
  let store: FakeMagentoServer;
  let storeId: string;
  let now: number;
  const removedStoreId = randomUUID();

  /** Records an event `hoursAgo` before `now` (the module's clock is the harness's manual clock). */
  async function record(hoursAgo: number, input: SecurityEventInput): Promise<void> {
    e2e.clock.set(now - hoursAgo * HOUR);
    await e2e.app.get(SecurityEventLog).record(input);
    e2e.clock.set(now);
  }

  beforeEach(async () => {
    e2e = await startE2eApp();
    store = await startFakeMagento({ handshake: true });
    store.route('GET', '/rest/V1/store/storeConfigs', () => ({ json: storeConfigs(store.baseUrl) }));
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    storeId = (await api('/api/stores').expect(200)).body.items[0].id;
    now = e2e.clock();
    await record(25, {
      type: 'pending_expired',
      tenant: 'acme',
      storeId: removedStoreId,
      storeBaseUrl: 'https://gone.example.com/',
      message: 'Removed after the consumer window: The consumer key has expired.',
    });
    await record(2, {
      type: 'callback_rejected',
      code: 'CALLBACK_MISMATCH',
      tenant: 'acme',
      storeId,
      consumerKey: store.credentials.consumerKey,
      storeBaseUrl: 'https://attacker.example.net/',
      sourceAddress: '203.0.113.9',
      message:
        'This callback names a consumer key the service already holds, with a different consumer secret; nothing was changed.',
    });
    await record(1, {
      type: 'store_moved',
      tenant: 'acme',
      storeId,
      consumerKey: store.credentials.consumerKey,
      storeBaseUrl: store.baseUrl,
      sourceAddress: '127.0.0.1',
      message: 'The store moved from https://old.example.com/.',
    });
    await record(0.5, {
      type: 'sign_in_throttled',
      tenant: 'acme',
      sourceAddress: '198.51.100.7',
      message: 'Too many failed sign-ins from this address.',
    });
    await record(0, {
      type: 'callback_rejected',
      code: 'STORE_URL_REFUSED',
      tenant: 'acme',
      consumerKey: 'not a key',
      storeBaseUrl: 'http://169.254.169.254/',
      sourceAddress: '203.0.113.9',
      message: 'The store URL resolves to a link-local address.',
    });
  });
  afterEach(async () => {
    await e2e.close();
    await store.close();
  });

  function api(path: string) {
    return e2e.http.get(path).set('Authorization', `Bearer ${e2e.token}`);
  }

  it('needs the admin API token', async () => {
    const answer = await e2e.http.get('/api/security-events').expect(401);
    expect(answer.body.error.code).toBe('UNAUTHORIZED');
  });

  it('lists the events newest first with the counts of the last 24 hours, and whether their store still exists', async () => {
    const answer = await api('/api/security-events').expect(200);
    expect(answer.body.counts).toEqual({
      callback_rejected: 2,
      store_moved: 1,
      pending_expired: 0,
      sign_in_throttled: 1,
    });
    expect(answer.body.items.map((event: { type: string }) => event.type)).toEqual([
      'callback_rejected',
      'sign_in_throttled',
      'store_moved',
      'callback_rejected',
      'pending_expired',
    ]);
    const [refused, , , mismatch, expired] = answer.body.items;
    expect(mismatch).toEqual({
      id: expect.any(String),
      type: 'callback_rejected',
      code: 'CALLBACK_MISMATCH',
      tenant: 'acme',
      storeId,
      storeExists: true,
      consumerKey: store.credentials.consumerKey,
      storeBaseUrl: 'https://attacker.example.net/',
      sourceAddress: '203.0.113.9',
      message: expect.stringContaining('different consumer secret'),
      occurredAt: new Date(now - 2 * HOUR).toISOString(),
    });
    expect(refused).toMatchObject({
      code: 'STORE_URL_REFUSED',
      storeId: null,
      storeExists: false,
      consumerKey: null,
      occurredAt: new Date(now).toISOString(),
    });
    expect(expired).toMatchObject({ storeId: removedStoreId, storeExists: false });
    expect(JSON.stringify(answer.body)).not.toContain(store.credentials.consumerSecret);
  });

  it('filters by type and by store, and pages with the before cursor', async () => {
    const refused = await api('/api/security-events').query({ type: 'callback_rejected' }).expect(200);
    expect(refused.body.items.map((event: { code: string }) => event.code)).toEqual([
      'STORE_URL_REFUSED',
      'CALLBACK_MISMATCH',
    ]);
    expect(refused.body.counts.store_moved).toBe(1);
    const ofStore = await api('/api/security-events').query({ storeId }).expect(200);
    expect(ofStore.body.items.map((event: { type: string }) => event.type)).toEqual([
      'store_moved',
      'callback_rejected',
    ]);
    expect(ofStore.body.counts).toEqual({
      callback_rejected: 1,
      store_moved: 1,
      pending_expired: 0,
      sign_in_throttled: 0,
    });

    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const answer = await api('/api/security-events')
        .query({ limit: 2, ...(before ? { before } : {}) })
        .expect(200);
      seen.push(...answer.body.items.map((event: { id: string }) => event.id));
      if (answer.body.items.length < 2) break;
      before = answer.body.items.at(-1).occurredAt;
    }
    expect(seen).toEqual(
      (await api('/api/security-events').expect(200)).body.items.map((event: { id: string }) => event.id),
    );
    expect(
      (
        await api('/api/security-events')
          .query({ before: new Date(now - 3 * HOUR).toISOString() })
          .expect(200)
      ).body.items,
    ).toHaveLength(1);
  });

  it('answers 400 INVALID_INPUT naming every bad parameter', async () => {
    const answer = await api('/api/security-events')
      .query({ type: 'takeover', storeId: '1', limit: '0', before: 'yesterday' })
      .expect(400);
    expect(answer.body.error.code).toBe('INVALID_INPUT');
    for (const name of [
      'type must be one of',
      'storeId must be a uuid',
      'limit must be an integer from 1 to 200',
      'before must be an ISO 8601 timestamp',
    ])
      expect(answer.body.error.message).toContain(name);
  });

  it('is described in the OpenAPI document', () => {
    const document = createMagentoOpenApiDocument(e2e.app);
    const operation = (
      document.paths['/api/security-events'] as { get: { parameters: Array<{ name: string }>; security: unknown[] } }
    ).get;
    expect(operation.parameters.map((parameter) => parameter.name).sort()).toEqual([
      'before',
      'limit',
      'storeId',
      'type',
    ]);
    expect(operation.security).toEqual([{ bearer: [] }]);
    const schemas = document.components?.schemas as Record<string, { properties: object }>;
    expect(Object.keys(schemas.SecurityEventDto.properties)).toEqual([
      'id',
      'type',
      'code',
      'tenant',
      'storeId',
      'storeExists',
      'consumerKey',
      'storeBaseUrl',
      'sourceAddress',
      'message',
      'occurredAt',
    ]);
    expect(Object.keys(schemas.SecurityEventCountsDto.properties)).toEqual([
      'callback_rejected',
      'store_moved',
      'pending_expired',
      'sign_in_throttled',
    ]);
  });

  it('GET /api/rejected-callbacks: only the refused callbacks, newest first, with their source address, claimed URL, code and reason', async () => {
    const page = await api('/api/rejected-callbacks').expect(200);
    expect(page.body.items.map((event: { code: string }) => event.code)).toEqual([
      'STORE_URL_REFUSED',
      'CALLBACK_MISMATCH',
    ]);
    expect(page.body.items[1]).toMatchObject({
      type: 'callback_rejected',
      sourceAddress: '203.0.113.9',
      storeBaseUrl: 'https://attacker.example.net/',
      storeId,
    });
    const one = await api(`/api/rejected-callbacks?storeId=${storeId}&limit=5`).expect(200);
    expect(one.body.items).toHaveLength(1);
    const wrong = await api('/api/rejected-callbacks?type=store_moved').expect(400);
    expect(wrong.body.error.code).toBe('INVALID_INPUT');
    await e2e.http.get('/api/rejected-callbacks').expect(401);
  });
});
