import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { BackgroundTasks } from '../activation/background-tasks';
import { ActivationEntity, ActivationEventEntity, SecurityEventEntity, StoreEntity } from '../entities';
import { magentoToken } from '../test-support/callbacks';
import { callbackForm, startE2eApp, storeConfigs, type E2eApp } from '../test-support/e2e-app';
import { describeOnDatabases } from '../test-support/test-databases';
import { UNTHROTTLED } from '../test-support/test-app';
import type { MagentoIntegrationOptions } from '../config/module-options';
import type { LookupAll } from '../url-guard/store-url-policy';

jest.setTimeout(30_000);

/** A server that plays a store (or an attacker's host): counts requests and how many run at once. */
interface CountingServer {
  url: string;
  requests: string[];
  maxInFlight: number;
  close(): Promise<void>;
}

async function startCountingServer(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
  delayMs = 0,
): Promise<CountingServer> {
  let inFlight = 0;
  const state = { requests: [] as string[], maxInFlight: 0 };
  const server: Server = createServer((req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    req.resume();
    setTimeout(() => {
      inFlight -= 1;
      answer(req, res);
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    get requests() {
      return state.requests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const expired = (_req: IncomingMessage, res: ServerResponse) =>
  void res.writeHead(401).end('oauth_problem=Consumer+key+has+expired');
const lookup: LookupAll = async (host) => {
  if (host === 'moved-shop.test') return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

describeOnDatabases(['SQLite', 'PostgreSQL'], 'activation attacks against the callback', (database) => {
  let e2e: E2eApp;
  let store: FakeMagentoServer;
  const servers: CountingServer[] = [];

  async function start(options: Partial<MagentoIntegrationOptions> = {}) {
    e2e = await startE2eApp(options, lookup, database);
    store = await startFakeMagento({ handshake: true });
    store.route('GET', '/rest/V1/store/storeConfigs', () => ({ json: storeConfigs(store.baseUrl) }));
  }
  async function server(answer = expired, delayMs = 0) {
    const started = await startCountingServer(answer, delayMs);
    servers.push(started);
    return started;
  }
  afterEach(async () => {
    await e2e?.settle();
    await e2e?.close();
    await store?.close();
    await Promise.all(servers.splice(0).map((entry) => entry.close()));
  });

  const post = (form: Record<string, string>) => e2e.http.post('/magento/callback/acme').type('form').send(form);
  const stores = () => e2e.dataSource.getRepository(StoreEntity);
  const securityEvents = (type: string) =>
    e2e.dataSource.getRepository(SecurityEventEntity).findBy({ type: type as SecurityEventEntity['type'] });
  const newKeyForm = (url: string) => ({
    oauth_consumer_key: magentoToken(),
    oauth_consumer_secret: magentoToken(),
    oauth_verifier: magentoToken(),
    store_base_url: url,
  });

  async function activeStore(): Promise<StoreEntity> {
    await post(callbackForm(store)).expect(200);
    await e2e.settle();
    return stores().findOneByOrFail({ consumerKey: store.credentials.consumerKey, status: 'active' });
  }

  it('callback takeover: a known consumer key with a wrong secret is refused (403 CALLBACK_MISMATCH), changes nothing, sends nothing, is logged', async () => {
    await start();
    const before = await activeStore();
    const attacker = await server();
    const answer = await post({
      ...callbackForm(store),
      oauth_consumer_secret: '0'.repeat(32),
      oauth_verifier: magentoToken(),
      store_base_url: attacker.url,
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({
      code: 'CALLBACK_MISMATCH',
      hint: expect.stringContaining('same consumer key and secret'),
    });
    await e2e.settle();
    expect(await stores().findOneByOrFail({ id: before.id })).toEqual(before);
    expect(await e2e.dataSource.getRepository(ActivationEntity).countBy({ storeId: before.id })).toBe(1);
    expect(attacker.requests).toEqual([]);
    const [event] = await securityEvents('callback_rejected');
    expect(event).toMatchObject({
      code: 'CALLBACK_MISMATCH',
      storeId: before.id,
      consumerKey: before.consumerKey,
      storeBaseUrl: attacker.url,
      tenant: 'acme',
    });
    expect(event.sourceAddress).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(event)).not.toContain(store.credentials.consumerSecret);
  });

  it('callback takeover of a store still activating is refused the same way', async () => {
    await start();
    const slow = await server(expired, 300);
    const form = newKeyForm(slow.url);
    await post(form).expect(200);
    const answer = await post({ ...form, oauth_consumer_secret: magentoToken(), oauth_verifier: magentoToken() });
    expect(answer.status).toBe(403);
    await e2e.settle();
    expect(slow.requests).toEqual(['POST /oauth/token/request']);
  });

  it('a revoked store may call back with a new secret (it holds no token any more)', async () => {
    await start();
    const row = await activeStore();
    await e2e.http.post(`/api/stores/${row.id}/revoke`).set('Authorization', `Bearer ${e2e.token}`).expect(200);
    const answer = await post({
      ...callbackForm(store),
      oauth_consumer_secret: magentoToken(),
      oauth_verifier: magentoToken(),
    });
    expect(answer.status).toBe(200);
  });

  it('a store that moved: the stored secret with a new origin is accepted, on the timeline and in the security log; the URL guard still applies', async () => {
    await start();
    const row = await activeStore();
    const movedUrl = store.baseUrl.replace('127.0.0.1', 'moved-shop.test');
    const refused = await post({
      ...callbackForm(store),
      oauth_verifier: magentoToken(),
      store_base_url: 'http://10.1.2.3/',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('STORE_URL_REFUSED');
    expect((await stores().findOneByOrFail({ id: row.id })).storeBaseUrl).toBe(store.baseUrl);
    const moved = await post({ ...callbackForm(store), oauth_verifier: magentoToken(), store_base_url: movedUrl });
    expect(moved.status).toBe(200);
    await e2e.settle();
    expect((await stores().findOneByOrFail({ id: row.id })).storeBaseUrl).toBe(movedUrl);
    const timeline = await e2e.dataSource
      .getRepository(ActivationEventEntity)
      .findBy({ storeId: row.id, type: 'store_moved' });
    expect(timeline.map((event) => event.message)).toEqual([
      `The store moved from ${store.baseUrl} to ${movedUrl} (the callback carried the stored consumer secret).`,
    ]);
    expect(await securityEvents('store_moved')).toEqual([
      expect.objectContaining({ storeId: row.id, storeBaseUrl: movedUrl }),
    ]);
  });

  it('duplicate callbacks: 20 concurrent callbacks for one new key with different verifiers run one handshake at a time', async () => {
    await start();
    // The store holds its first token request open until all 20 callbacks have been answered.
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow = await server((req, res) => void gate.then(() => expired(req, res)));
    const form = newKeyForm(slow.url);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post({ ...form, oauth_verifier: magentoToken() })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    // Handshakes start once the callbacks have been answered (CallbackTraffic); the first one is then held.
    while (slow.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slow.requests).toEqual(['POST /oauth/token/request']);
    open();
    await e2e.settle();
    expect(slow.maxInFlight).toBe(1);
    // One request per activation that was not superseded by a newer callback, plus the first run's if it was
    // superseded while its request was held (the test clock stands still, so callbacks of the same millisecond
    // are ordered by id and a few survive): far fewer than 20.
    const ran = await e2e.dataSource
      .getRepository(ActivationEntity)
      .createQueryBuilder('a')
      .where("a.failure_code <> 'SUPERSEDED'")
      .getCount();
    expect(slow.requests.length - ran).toBeGreaterThanOrEqual(0);
    expect(slow.requests.length - ran).toBeLessThanOrEqual(1);
    expect(slow.requests.length).toBeLessThan(10);
    expect(await stores().countBy({ consumerKey: form.oauth_consumer_key })).toBe(1);
  });

  it('a burst of 200 anonymous callbacks with random keys: 10 from one address get through, the rest 429 with Retry-After', async () => {
    await start({ throttle: { windowSeconds: 60 } });
    const target = await server();
    const answers = [];
    for (let batch = 0; batch < 4; batch += 1)
      answers.push(...(await Promise.all(Array.from({ length: 50 }, () => post(newKeyForm(target.url))))));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(10);
    const throttled = answers.filter((answer) => answer.status === 429);
    expect(throttled).toHaveLength(190);
    expect(throttled[0].body.error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringContaining('your network address'),
    });
    expect(Number(throttled[0].headers['retry-after'])).toBeGreaterThan(0);
    await e2e.settle();
    expect(await stores().count()).toBe(10);
    expect(target.requests.length).toBeLessThanOrEqual(10);
  });

  it('the global callback limit counts every address together', async () => {
    await start({ throttle: { callback: { perAddress: 1000, global: 5 } } });
    const target = await server();
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post(newKeyForm(target.url))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('pending stores are capped per address (429 PENDING_LIMIT) while a known key still calls back', async () => {
    await start({ pendingStores: { perAddress: 3, max: 100 } });
    await activeStore();
    const target = await server();
    for (let i = 0; i < 3; i += 1) await post(newKeyForm(target.url)).expect(200);
    const refused = await post(newKeyForm(target.url));
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('PENDING_LIMIT');
    expect(refused.headers['retry-after']).toBe('300');
    // Reauthorize of a store the service holds is not a new pending store.
    expect((await post({ ...callbackForm(store), oauth_verifier: magentoToken() })).status).toBe(200);
    expect((await securityEvents('callback_rejected')).map((event) => event.code)).toEqual(['PENDING_LIMIT']);
  });

  it('pending stores are capped overall', async () => {
    await start({ pendingStores: { perAddress: 100, max: 2 } });
    const target = await server();
    await post(newKeyForm(target.url)).expect(200);
    await post(newKeyForm(target.url)).expect(200);
    expect((await post(newKeyForm(target.url))).body.error).toMatchObject({
      code: 'PENDING_LIMIT',
      message: expect.stringContaining('at most 2'),
    });
  });

  it('pending stores expire after the consumer window and are removed, with their failure in the security log; active stores stay', async () => {
    await start({ ...UNTHROTTLED, pendingStores: { perAddress: 2, max: 100 } });
    const active = await activeStore();
    const target = await server();
    await post(newKeyForm(target.url)).expect(200);
    await post(newKeyForm(target.url)).expect(200);
    await e2e.settle();
    expect((await post(newKeyForm(target.url))).status).toBe(429);
    await e2e.app.get(BackgroundTasks).sweep();
    expect(await stores().count()).toBe(3);
    e2e.clock.advance(300_000 + 60_000 + 1000);
    await e2e.app.get(BackgroundTasks).sweep();
    expect((await stores().find()).map((row) => row.id)).toEqual([active.id]);
    const expiredEvents = await securityEvents('pending_expired');
    expect(expiredEvents).toHaveLength(2);
    expect(expiredEvents[0]).toMatchObject({
      code: 'CONSUMER_EXPIRED',
      storeBaseUrl: target.url,
      message: expect.stringContaining('never became active'),
    });
    expect(await e2e.dataSource.getRepository(ActivationEntity).count()).toBe(1);
    await post(newKeyForm(target.url)).expect(200);
  });

  it('a store_base_url of 90,020 characters is refused and nothing is stored', async () => {
    await start();
    const answer = await post({
      ...newKeyForm('https://shop.example.com/'),
      store_base_url: `https://shop.example.com/${'a'.repeat(89_995)}`,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'INVALID_CALLBACK',
      message: expect.stringContaining('at most 2048 characters (got 90020)'),
    });
    expect(JSON.stringify(answer.body).length).toBeLessThan(2000);
    expect(await stores().count()).toBe(0);
  });

  it('crash during the access-token step: a request token Magento already exchanged ends in HANDSHAKE_STATE with the Reauthorize hint', async () => {
    await start();
    const token = () => magentoToken();
    const lost = await server((req, res) => {
      if (req.url === '/oauth/token/request')
        return void res.writeHead(200).end(`oauth_token=${token()}&oauth_token_secret=${token()}`);
      res.writeHead(401).end('oauth_problem=Specified+token+does+not+exist');
    });
    const form = newKeyForm(lost.url);
    await post(form).expect(200);
    await e2e.settle();
    const row = await stores().findOneByOrFail({ consumerKey: form.oauth_consumer_key });
    expect(row).toMatchObject({
      status: 'failed',
      statusCode: 'HANDSHAKE_STATE',
      statusHint: expect.stringContaining('click Reauthorize'),
    });
    expect(row.statusHint).toContain('already exchanged');
  });
});
