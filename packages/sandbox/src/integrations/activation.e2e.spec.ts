import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { INTEGRATION_STATUS, IntegrationEntity } from '../db/integration.entity';
import { CallbackServer } from '../test-support/callback-server';
import { parseTokenBody, signForTest } from '../test-support/oauth-test-client';
import { startSandbox, type DirectActivation, type HandshakeActivation, type RunningSandbox } from '../testing';

/** A loopback URL nothing listens on (connection refused). */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/cb`;
}

describe('sandbox: Activate, Reauthorize, the 300 s window and the callback POST (docs/magento-behaviour.md §2)', () => {
  let sandbox: RunningSandbox;
  const callback = new CallbackServer();
  let endpoint: string;
  let nowMs = Date.UTC(2026, 0, 1);

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: false, postTimeoutMs: 300, clock: { now: () => nowMs } });
    endpoint = await callback.start();
  });
  afterAll(async () => {
    await sandbox.close();
    await callback.stop();
  });
  beforeEach(() => {
    callback.status = 200;
    callback.delayMs = 0;
  });

  const url = (path: string) => `${sandbox.baseUrl}${path}`;
  const stamp = () => ({ timestamp: Math.floor(nowMs / 1000) });
  async function post(path: string, authorization: string) {
    const response = await fetch(url(path), { method: 'POST', headers: { authorization } });
    return { status: response.status, body: await response.text() };
  }
  async function getStoreViews(auth: string) {
    const response = await fetch(url('rest/V1/store/storeViews'), { headers: { authorization: auth } });
    return { status: response.status, body: await response.json() };
  }

  /** Activate (or reauthorize) and run the whole handshake; returns the credentials. */
  async function handshake(id: number, reauthorize = false) {
    const received = callback.nextPost();
    await (reauthorize ? sandbox.admin.reauthorize(id) : sandbox.admin.activate(id));
    const fields = (await received).fields;
    const creds = { consumerKey: fields['oauth_consumer_key'], consumerSecret: fields['oauth_consumer_secret'] };
    const request = parseTokenBody(
      (await post('oauth/token/request', signForTest('POST', url('oauth/token/request'), creds, stamp()))).body,
    );
    const accessAnswer = await post(
      'oauth/token/access',
      signForTest(
        'POST',
        url('oauth/token/access'),
        {
          ...creds,
          token: request['oauth_token'],
          tokenSecret: request['oauth_token_secret'],
          verifier: fields['oauth_verifier'],
        },
        stamp(),
      ),
    );
    expect(accessAnswer.status).toBe(200);
    const access = parseTokenBody(accessAnswer.body);
    return {
      ...creds,
      verifier: fields['oauth_verifier'],
      token: access['oauth_token'],
      tokenSecret: access['oauth_token_secret'],
    };
  }

  async function createHandshakeIntegration(name: string, resources: 'all' | string[] = 'all') {
    return sandbox.admin.createIntegration({
      name,
      endpointUrl: `${endpoint}/cb`,
      identityLinkUrl: 'https://app.example.com/id',
      resources,
    });
  }

  it('a signed call works with the access token; a valid signature of an inactive integration is a guest (§1.7)', async () => {
    const integration = await createHandshakeIntegration('active-check');
    const creds = await handshake(integration.id);
    expect((await getStoreViews(signForTest('GET', url('rest/V1/store/storeViews'), creds, stamp()))).status).toBe(200);
    await sandbox.app
      .get(DataSource)
      .getRepository(IntegrationEntity)
      .update({ id: integration.id }, { status: INTEGRATION_STATUS.inactive });
    expect(await getStoreViews(signForTest('GET', url('rest/V1/store/storeViews'), creds, stamp()))).toEqual({
      status: 401,
      body: {
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: 'Magento_Backend::store' },
      },
    });
  });

  it('Reauthorize sends the same consumer with a new verifier, kills the old token at once, and issues new tokens', async () => {
    const integration = await createHandshakeIntegration('reauth');
    const first = await handshake(integration.id);
    const received = callback.nextPost();
    await sandbox.admin.reauthorize(integration.id);
    const fields = (await received).fields;
    expect(fields['oauth_consumer_key']).toBe(first.consumerKey);
    expect(fields['oauth_consumer_secret']).toBe(first.consumerSecret);
    expect(fields['oauth_verifier']).not.toBe(first.verifier);
    expect((await sandbox.admin.getIntegration(integration.id)).status).toBe(0);
    const old = await getStoreViews(signForTest('GET', url('rest/V1/store/storeViews'), first, stamp()));
    expect(old).toEqual({ status: 401, body: { message: 'Specified token does not exist' } });
  });

  it('the request-token step fails with "Consumer key has expired" 301 s after Activate, and works after Reauthorize', async () => {
    const integration = await createHandshakeIntegration('window');
    const received = callback.nextPost();
    await sandbox.admin.activate(integration.id);
    const fields = (await received).fields;
    nowMs += 301_000;
    const creds = { consumerKey: fields['oauth_consumer_key'], consumerSecret: fields['oauth_consumer_secret'] };
    expect(await post('oauth/token/request', signForTest('POST', url('oauth/token/request'), creds, stamp()))).toEqual({
      status: 401,
      body: 'oauth_problem=Consumer+key+has+expired',
    });
    const renewed = await handshake(integration.id, true);
    expect(renewed.token).toMatch(/^[0-9a-z]{32}$/);
  });

  it('ignores the endpoint status and redirects, and fails the activation when the POST times out', async () => {
    const integration = await createHandshakeIntegration('slow');
    callback.status = 302;
    const activation = await sandbox.admin.activate(integration.id);
    expect(activation).toMatchObject({ mode: 'handshake', endpoint_status: 302 });
    expect(callback.posts.filter((p) => p.path !== '/cb')).toEqual([]);
    callback.delayMs = 1000;
    await expect(sandbox.admin.reauthorize(integration.id)).rejects.toThrow(
      'The attempt to post data to consumer failed due to an unexpected error. Please try again later.',
    );
    await expect(sandbox.admin.reauthorize(integration.id)).rejects.toMatchObject({
      status: 502,
      body: { outcome: 'consumer_post_failed', reason: 'TimeoutError', status: 0 },
    });
    const events = await sandbox.admin.listActivity(integration.id);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['callback_post', 'identity_link', 'reauthorize', 'callback_post_failed']),
    );
  });

  it('a non-2xx answer is ignored as by LaminasClient::send(): the handshake goes on with success_call_back', async () => {
    const integration = await createHandshakeIntegration('status-500');
    callback.status = 500;
    const activation = (await sandbox.admin.activate(integration.id)) as HandshakeActivation;
    expect(activation).toMatchObject({
      mode: 'handshake',
      endpoint_status: 500,
      success_call_back: `${sandbox.baseUrl}admin/admin/integration/loginSuccessCallback/`,
    });
  });

  it("a refused callback POST answers 502 consumer_post_failed with Magento's message; Activate leaves it Inactive, Reauthorize has made it Inactive", async () => {
    const failed = {
      outcome: 'consumer_post_failed',
      message: 'The attempt to post data to consumer failed due to an unexpected error. Please try again later.',
      status: 0,
      reason: 'ECONNREFUSED',
    };
    const refused = await sandbox.admin.createIntegration({
      name: 'refused',
      endpointUrl: await refusedUrl(),
      identityLinkUrl: 'https://app.example.com/id',
      resources: 'all',
    });
    await expect(sandbox.admin.activate(refused.id)).rejects.toMatchObject({
      status: 502,
      body: { ...failed, integration_id: refused.id },
    });
    expect((await sandbox.admin.getIntegration(refused.id)).status).toBe(0);
    const integration = await createHandshakeIntegration('refused-later');
    await handshake(integration.id);
    expect((await sandbox.admin.getIntegration(integration.id)).status).toBe(1);
    await callback.stop();
    try {
      await expect(sandbox.admin.reauthorize(integration.id)).rejects.toMatchObject({
        status: 502,
        body: { ...failed, integration_id: integration.id },
      });
    } finally {
      endpoint = await callback.start();
    }
    expect((await sandbox.admin.getIntegration(integration.id)).status).toBe(0);
    const events = await sandbox.admin.listActivity(refused.id);
    expect(events.map((e) => e.type)).toEqual(['callback_post_failed']);
  });

  it('the permissions dialog lists the requested resources with their ACL titles in tree order, "All resources", or none', async () => {
    const some = await sandbox.admin.createIntegration({
      name: 'titles',
      resources: ['Magento_Catalog::products', 'Magento_Sales::actions_view'],
    });
    expect(await sandbox.admin.getPermissions(some.id)).toEqual({
      integration_id: some.id,
      name: 'titles',
      reauthorize: false,
      activation: 'direct',
      all_resources: false,
      resources: [
        { id: 'Magento_Sales::actions_view', title: 'View', path: ['Sales', 'Operations', 'Orders', 'Actions'] },
        { id: 'Magento_Catalog::products', title: 'Products', path: ['Catalog', 'Inventory'] },
      ],
    });
    const all = await createHandshakeIntegration('titles-all');
    expect(await sandbox.admin.getPermissions(all.id)).toMatchObject({
      activation: 'handshake',
      all_resources: true,
      resources: [{ id: 'Magento_Backend::all', title: 'All resources', path: [] }],
    });
    const none = await sandbox.admin.createIntegration({ name: 'titles-none' });
    expect((await sandbox.admin.getPermissions(none.id)).resources).toEqual([]);
  });

  it('without endpoint and identity link, Activate creates the tokens directly (TokensDialog) and they sign REST calls', async () => {
    const integration = await sandbox.admin.createIntegration({
      name: 'direct',
      resources: ['Magento_Backend::store'],
    });
    expect(integration.activation).toBe('direct');
    const tokens = (await sandbox.admin.activate(integration.id)) as DirectActivation;
    const creds = {
      consumerKey: tokens.consumer_key,
      consumerSecret: tokens.consumer_secret,
      token: tokens.access_token,
      tokenSecret: tokens.access_token_secret,
    };
    expect((await getStoreViews(signForTest('GET', url('rest/V1/store/storeViews'), creds, stamp()))).status).toBe(200);
    const orders = await fetch(url('rest/V1/orders/1'), {
      headers: { authorization: signForTest('GET', url('rest/V1/orders/1'), creds, stamp()) },
    });
    expect(orders.status).toBe(401);
    expect(await orders.json()).toEqual({
      message: "The consumer isn't authorized to access %resources.",
      parameters: { resources: 'Magento_Sales::actions_view' },
    });
  });

  it("a deleted integration's consumer is unknown", async () => {
    const integration = await sandbox.admin.createIntegration({ name: 'deleted', resources: 'all' });
    const tokens = (await sandbox.admin.activate(integration.id)) as DirectActivation;
    await sandbox.admin.deleteIntegration(integration.id);
    const creds = {
      consumerKey: tokens.consumer_key,
      consumerSecret: tokens.consumer_secret,
      token: tokens.access_token,
      tokenSecret: tokens.access_token_secret,
    };
    expect(await getStoreViews(signForTest('GET', url('rest/V1/store/storeViews'), creds, stamp()))).toEqual({
      status: 401,
      body: { message: 'A consumer having the specified key does not exist' },
    });
  });

  it('names every problem of a bad integration in one 400', async () => {
    await expect(
      sandbox.admin.createIntegration({ name: ' ', endpointUrl: 'ftp://x', resources: ['Nope::x'] }),
    ).rejects.toThrow(
      'HTTP 400 Invalid integration: "name" is required; "endpoint_url" must be an http(s) URL; unknown ACL resource ids: Nope::x.',
    );
  });
});
