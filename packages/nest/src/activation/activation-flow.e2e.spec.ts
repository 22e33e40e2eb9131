import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { ActivationEntity, ActivationEventEntity, StoreEntity } from '../entities';
import { callbackForm, startE2eApp, storeConfigs, type E2eApp } from '../test-support/e2e-app';
import { BackgroundTasks } from './background-tasks';

const CONFIGS = '/rest/V1/store/storeConfigs';

describe('activation over HTTP against a fake Magento store on loopback', () => {
  let e2e: E2eApp;
  let store: FakeMagentoServer;

  beforeEach(async () => {
    e2e = await startE2eApp();
  });
  afterEach(async () => {
    await e2e.close();
    await store?.close();
  });

  async function fakeStore(options: Parameters<typeof startFakeMagento>[0] = {}) {
    store = await startFakeMagento({ handshake: true, ...options });
    store.route('GET', CONFIGS, () => ({ json: storeConfigs(store.baseUrl) }));
    return store;
  }

  const paths = () => store.requests.map((entry) => `${entry.method} ${entry.path}`);
  const events = async (storeId: string) =>
    (
      await e2e.dataSource
        .getRepository(ActivationEventEntity)
        .find({ where: { storeId }, order: { occurredAt: 'ASC', position: 'ASC' } })
    ).map((event) => event.type);

  it('callback -> 200 at once, then request token, access token, probe: active', async () => {
    await fakeStore();
    const answer = await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'accepted', duplicate: false });
    await e2e.settle();
    store.assertDone();
    expect(paths()).toEqual(['POST /oauth/token/request', 'POST /oauth/token/access', `GET ${CONFIGS}`]);
    expect(store.requests[2].oauth?.valid).toBe(true);
    const row = await e2e.dataSource
      .getRepository(StoreEntity)
      .findOneByOrFail({ consumerKey: store.credentials.consumerKey });
    expect(row).toMatchObject({ status: 'active', tenant: 'acme', storeBaseUrl: store.baseUrl, statusCode: null });
    expect(await events(row.id)).toEqual(['callback_received', 'request_token', 'access_token', 'active']);
    // Secrets are stored encrypted only.
    const raw = JSON.stringify(await e2e.dataSource.query('SELECT * FROM magekit_stores'));
    for (const secret of [
      store.credentials.consumerSecret,
      store.credentials.accessToken,
      store.credentials.accessTokenSecret,
    ])
      expect(raw).not.toContain(secret);
    const facts = JSON.parse(row.facts ?? '{}');
    expect(facts.storeViews.map((view: { code: string }) => view.code)).toEqual(['default', 'de']);
  });

  it('a repeated callback gives one store, one activation and one token exchange', async () => {
    await fakeStore();
    const form = callbackForm(store);
    await e2e.http.post('/magento/callback/acme').type('form').send(form).expect(200);
    await e2e.settle();
    const again = await e2e.http.post('/magento/callback/acme').type('form').send(form).expect(200);
    expect(again.body).toEqual({ status: 'accepted', duplicate: true });
    await e2e.settle();
    expect(await e2e.dataSource.getRepository(StoreEntity).count()).toBe(1);
    expect(await e2e.dataSource.getRepository(ActivationEntity).count()).toBe(1);
    expect(paths().filter((p) => p.includes('/oauth/token/'))).toEqual([
      'POST /oauth/token/request',
      'POST /oauth/token/access',
    ]);
  });

  it('concurrent callbacks for one consumer give one store and one token exchange', async () => {
    await fakeStore();
    const form = callbackForm(store);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => e2e.http.post('/magento/callback/acme').type('form').send(form)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((answer) => answer.body.duplicate === false)).toHaveLength(1);
    await e2e.settle();
    expect(await e2e.dataSource.getRepository(StoreEntity).count()).toBe(1);
    expect(await e2e.dataSource.getRepository(ActivationEntity).count()).toBe(1);
    expect(paths().filter((p) => p === 'POST /oauth/token/request')).toHaveLength(1);
    expect((await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({})).status).toBe('active');
  });

  it('an expired consumer fails at once with its code and hint (no retry)', async () => {
    await fakeStore({ activatedSecondsAgo: 400 });
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    expect(paths()).toEqual(['POST /oauth/token/request']);
    const row = await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({});
    expect(row).toMatchObject({
      status: 'failed',
      statusCode: 'CONSUMER_EXPIRED',
      statusReason: expect.stringContaining('Consumer key has expired'),
    });
    expect(row.statusHint).toContain('Reauthorize');
    const activation = await e2e.dataSource.getRepository(ActivationEntity).findOneByOrFail({});
    expect(activation).toMatchObject({ state: 'failed', failureCode: 'CONSUMER_EXPIRED', requestTokenEnc: null });
    expect(e2e.sleeps).toEqual([]);
  });

  it('retries a 503 of the request-token step inside the window, then completes', async () => {
    await fakeStore();
    store.expect('POST', '/oauth/token/request', { status: 503, body: 'busy' });
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    expect(e2e.sleeps).toEqual([1000]);
    expect(paths()).toEqual([
      'POST /oauth/token/request',
      'POST /oauth/token/request',
      'POST /oauth/token/access',
      `GET ${CONFIGS}`,
    ]);
    const row = await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({});
    expect(row.status).toBe('active');
    expect(await events(row.id)).toEqual([
      'callback_received',
      'retry_scheduled',
      'request_token',
      'access_token',
      'active',
    ]);
  });

  it('does not retry the request-token step once the consumer window has closed', async () => {
    await fakeStore();
    store.expect('POST', '/oauth/token/request', () => {
      e2e.clock.advance(298_000); // the first attempt "took" almost the whole 300 s window
      return { status: 503, body: 'busy' };
    });
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    expect(e2e.sleeps).toEqual([]);
    expect(paths()).toEqual(['POST /oauth/token/request']);
    const row = await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({});
    expect(row).toMatchObject({ status: 'failed', statusCode: 'SERVER_ERROR' });
    expect(row.statusReason).toContain('no time left in the consumer window');
  });

  it('a crash between request token and access token leaves a state the sweeper completes', async () => {
    await fakeStore();
    store.expect('POST', '/oauth/token/access', { destroy: true });
    e2e.onSleep.hook = () => {
      throw new Error('instance died while waiting to retry');
    };
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    const activations = e2e.dataSource.getRepository(ActivationEntity);
    const left = await activations.findOneByOrFail({});
    expect(left.state).toBe('request_token');
    expect(left.requestTokenEnc).toMatch(/^mk1\./);
    // A dead instance does not release its lease: put one back, as the crash would have left it.
    await activations.update(
      { id: left.id },
      { leaseOwner: 'dead-instance', leaseUntil: new Date(e2e.clock() + 60_000) },
    );
    e2e.onSleep.hook = null;
    const sweeper = e2e.app.get(BackgroundTasks);
    expect(await sweeper.sweep()).toBe(0); // still leased
    e2e.clock.advance(61_000);
    expect(await sweeper.sweep()).toBe(1);
    await e2e.settle();
    expect(paths()).toEqual([
      'POST /oauth/token/request',
      'POST /oauth/token/access',
      'POST /oauth/token/access',
      `GET ${CONFIGS}`,
    ]);
    expect((await activations.findOneByOrFail({})).state).toBe('active');
    expect((await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({})).status).toBe('active');
  });

  it('Reauthorize (same consumer, new verifier) keeps the store row and rotates the token', async () => {
    await fakeStore();
    const { consumerKey, consumerSecret } = store.credentials;
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    const before = await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({});
    const firstToken = store.credentials.accessToken;
    await store.close();
    // Magento deleted the old token and re-sends the same consumer with a new verifier.
    await fakeStore({ credentials: { consumerKey, consumerSecret } });
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    const after = await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({});
    expect(after.id).toBe(before.id);
    expect(after).toMatchObject({ status: 'active', storeBaseUrl: store.baseUrl });
    expect(after.accessTokenEnc).not.toBe(before.accessTokenEnc);
    expect(store.credentials.accessToken).not.toBe(firstToken);
    const states = (await e2e.dataSource.getRepository(ActivationEntity).find({ order: { createdAt: 'ASC' } })).map(
      (activation) => activation.state,
    );
    expect(states).toEqual(['active', 'active']);
  });
});
