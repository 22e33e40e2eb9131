import { parseAuthorizationHeader } from '@magekit/oauth1';
import { createOAuthAuth } from '../auth/oauth-auth';
import {
  createManualClock,
  createRecordingSleep,
  failureOf,
  startFakeMagento,
  type FakeMagentoServer,
  type FakeMagentoOptions,
} from '../testing';
import { createMagentoClient } from './create-magento-client';
import type { MagentoClientOptions } from './client-options';
import type { ClientEvent } from './client-events';

let store: FakeMagentoServer;
afterEach(async () => store?.close());

async function setup(storeOptions: FakeMagentoOptions = {}, clientOptions: Partial<MagentoClientOptions> = {}) {
  store = await startFakeMagento(storeOptions);
  const sleep = createRecordingSleep();
  const events: ClientEvent[] = [];
  const client = createMagentoClient({
    baseUrl: store.baseUrl,
    auth: createOAuthAuth(store.credentials),
    sleep,
    random: () => 0.5,
    onEvent: (event) => events.push(event),
    ...clientOptions,
  });
  return { client, sleep, events };
}

describe('retries', () => {
  it('honours Retry-After in seconds and as an HTTP date (measured against the response Date)', async () => {
    const serverNow = Date.UTC(2025, 5, 1, 8, 0, 0);
    const { client, sleep, events } = await setup({ clock: () => serverNow });
    store.expect('GET', '/rest/V1/modules', {
      status: 429,
      json: { message: 'Too many requests' },
      headers: { 'retry-after': '7' },
    });
    store.expect('GET', '/rest/V1/modules', {
      status: 503,
      body: 'maintenance',
      headers: { 'retry-after': new Date(serverNow + 12_000).toUTCString() },
    });
    store.expect('GET', '/rest/V1/modules', { json: ['Magento_Store'] });
    expect(await client.get('/V1/modules')).toEqual(['Magento_Store']);
    expect(sleep.delays).toEqual([7000, 12_000]);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e.type === 'retry' ? e.reason : ''))).toEqual([
      'HTTP 429',
      'HTTP 503',
    ]);
    store.assertDone();
  });

  it('backs off exponentially with jitter and gives up after the budget', async () => {
    const { client, sleep } = await setup({}, { retry: { retries: 3, baseDelayMs: 100 } });
    for (let i = 0; i < 4; i++) store.expect('GET', '/rest/V1/modules', { status: 502, body: 'Bad Gateway' });
    const error = await failureOf(client.get('/V1/modules'));
    expect([error.code, error.status]).toEqual(['SERVER_ERROR', 502]);
    expect(sleep.delays).toEqual([75, 150, 300]); // half + random(0.5)·half of 100, 200, 400
    store.assertDone();
  });

  it('never re-sends a POST', async () => {
    const { client, sleep } = await setup();
    store.expect('POST', '/rest/V1/orders', {
      status: 503,
      json: { message: 'busy' },
      headers: { 'retry-after': '1' },
    });
    const error = await failureOf(client.post('/V1/orders', { entity: {} }));
    expect(error.status).toBe(503);
    expect(store.requests).toHaveLength(1);
    expect(sleep.delays).toEqual([]);
    store.assertDone();
  });

  it('does not retry PUT unless asked to', async () => {
    const plain = await setup();
    store.expect('PUT', '/rest/V1/products/a', { status: 503, json: { message: 'busy' } });
    expect((await failureOf(plain.client.put('/V1/products/a', {}))).status).toBe(503);
    store.assertDone();
    await store.close();
    const optedIn = await setup({}, { retry: { methods: ['GET', 'PUT'] } });
    store.expect('PUT', '/rest/V1/products/a', { status: 503, json: { message: 'busy' } });
    store.expect('PUT', '/rest/V1/products/a', { json: { sku: 'a' } });
    expect(await optedIn.client.put('/V1/products/a', {})).toEqual({ sku: 'a' });
    store.assertDone();
  });

  it('retries a GET after a dropped connection, not a POST', async () => {
    const { client } = await setup();
    store.expect('GET', '/rest/V1/modules', { destroy: true });
    store.expect('GET', '/rest/V1/modules', { json: [] });
    store.expect('POST', '/rest/V1/carts', { destroy: true });
    expect(await client.get('/V1/modules')).toEqual([]);
    expect((await failureOf(client.post('/V1/carts'))).code).toBe('NETWORK');
    store.assertDone();
  });

  it('gives up when Retry-After asks for longer than allowed', async () => {
    const { client, sleep } = await setup({}, { retry: { maxRetryAfterMs: 60_000 } });
    store.expect('GET', '/rest/V1/modules', {
      status: 429,
      json: { message: 'slow down' },
      headers: { 'retry-after': '3600' },
    });
    const error = await failureOf(client.get('/V1/modules'));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.hint).toMatch(/3600 s/);
    expect(sleep.delays).toEqual([]);
  });
});

describe('timeouts and abort', () => {
  it('times out a hanging attempt and retries GETs within the budget', async () => {
    const { client } = await setup({}, { timeoutMs: 500, retry: { retries: 1 } });
    store.expect('GET', '/rest/V1/modules', { hang: true });
    store.expect('GET', '/rest/V1/modules', { hang: true });
    const error = await failureOf(client.get('/V1/modules'));
    expect(error.code).toBe('TIMEOUT');
    expect(store.requests).toHaveLength(2);
  });

  it("aborts an in-flight request with the caller's signal, without retrying", async () => {
    const { client } = await setup({}, { timeoutMs: 0 });
    store.expect('GET', '/rest/V1/modules', { hang: true });
    const controller = new AbortController();
    const pending = client.get('/V1/modules', { signal: controller.signal });
    while (store.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    expect((await failureOf(pending)).code).toBe('ABORTED');
    expect(store.requests).toHaveLength(1);
  });

  it('aborts while waiting to retry', async () => {
    const controller = new AbortController();
    const { client } = await setup({}, { sleep: async () => controller.abort() });
    store.expect('GET', '/rest/V1/modules', { status: 503, json: { message: 'busy' } });
    expect((await failureOf(client.get('/V1/modules', { signal: controller.signal }))).code).toBe('ABORTED');
  });
});

describe('clock skew', () => {
  it('re-signs once with the store clock after "An error occurred validating the nonce", then keeps it', async () => {
    const clientClock = createManualClock(Date.UTC(2025, 0, 1, 12, 0, 0));
    const storeClock = () => clientClock() - 15 * 60_000;
    const { client, events } = await setup({ clock: storeClock }, { clock: clientClock });
    store.route('GET', '/rest/V1/modules', () => ({ json: ['ok'] }));
    expect(await client.get('/V1/modules')).toEqual(['ok']);
    expect(store.requests.map((r) => r.oauth?.error ?? 'ok')).toEqual(['An error occurred validating the nonce', 'ok']);
    expect(client.clockSkew.appliedMs).toBe(-15 * 60_000);
    expect(events).toContainEqual({ type: 'clock-skew', skewMs: -15 * 60_000, previousMs: 0 });
    await client.get('/V1/modules');
    expect(store.requests.map((r) => r.oauth?.valid)).toEqual([false, true, true]);
    const stamps = store.requests.map((r) => Number(parseAuthorizationHeader(r.headers.authorization).oauth_timestamp));
    expect(stamps[2]).toBe(storeClock() / 1000);
  });

  it('does not loop when the rejection is not caused by skew', async () => {
    const { client } = await setup();
    store.expect('GET', '/rest/V1/modules', {
      status: 401,
      json: { message: 'An error occurred validating the nonce' },
    });
    expect((await failureOf(client.get('/V1/modules'))).code).toBe('NONCE_REJECTED');
    store.assertDone();
  });
});
