import { CallbackServer } from './test-support/callback-server';
import { parseTokenBody, signForTest } from './test-support/oauth-test-client';
import { startSandbox, type HandshakeActivation, type RunningSandbox } from './testing';

describe('sandbox: activation handshake over loopback HTTP (docs/magento-behaviour.md §2)', () => {
  let sandbox: RunningSandbox;
  const callback = new CallbackServer();
  let endpoint: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    endpoint = await callback.start();
  });
  afterAll(async () => {
    await sandbox.close();
    await callback.stop();
  });

  async function post(path: string, authorization: string): Promise<{ status: number; body: string }> {
    const response = await fetch(new URL(path, sandbox.baseUrl), { method: 'POST', headers: { authorization } });
    return { status: response.status, body: await response.text() };
  }

  it('POSTs the four fields to the endpoint, then request and access tokens make the integration active', async () => {
    const created = await sandbox.admin.createIntegration({
      name: 'handshake',
      endpointUrl: `${endpoint}/magento/callback/acme`,
      identityLinkUrl: 'https://app.example.com/identity',
      resources: ['Magento_Catalog::products'],
    });
    expect(created.activation).toBe('handshake');
    const received = callback.nextPost();
    const activation = (await sandbox.admin.activate(created.id)) as HandshakeActivation;
    const posted = await received;
    expect(posted.path).toBe('/magento/callback/acme');
    expect(posted.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.keys(posted.fields).sort()).toEqual([
      'oauth_consumer_key',
      'oauth_consumer_secret',
      'oauth_verifier',
      'store_base_url',
    ]);
    expect(posted.fields['store_base_url']).toBe(sandbox.baseUrl);
    expect(posted.fields['oauth_verifier']).toMatch(/^[0-9a-z]{32}$/);
    expect(activation.popup_url).toBe(
      `https://app.example.com/identity?oauth_consumer_key=${posted.fields['oauth_consumer_key']}&success_call_back=${sandbox.baseUrl}admin/admin/integration/loginSuccessCallback/`,
    );

    const creds = {
      consumerKey: posted.fields['oauth_consumer_key'],
      consumerSecret: posted.fields['oauth_consumer_secret'],
    };
    const requestUrl = `${sandbox.baseUrl}oauth/token/request`;
    const request = await post('oauth/token/request', signForTest('POST', requestUrl, creds));
    expect(request.status).toBe(200);
    const requestToken = parseTokenBody(request.body);
    expect(Object.keys(requestToken)).toEqual(['oauth_token', 'oauth_token_secret']);

    const again = await post('oauth/token/request', signForTest('POST', requestUrl, creds));
    expect(again).toEqual({
      status: 401,
      body: 'oauth_problem=Cannot+create+request+token+because+consumer+token+is+not+a+verifier+token',
    });

    const accessUrl = `${sandbox.baseUrl}oauth/token/access`;
    const access = await post(
      'oauth/token/access',
      signForTest('POST', accessUrl, {
        ...creds,
        token: requestToken['oauth_token'],
        tokenSecret: requestToken['oauth_token_secret'],
        verifier: posted.fields['oauth_verifier'],
      }),
    );
    expect(access.status).toBe(200);
    const accessToken = parseTokenBody(access.body);
    expect((await sandbox.admin.getIntegration(created.id)).status).toBe(1);

    const productsUrl = `${sandbox.baseUrl}rest/V1/store/storeViews`;
    const signed = signForTest('GET', productsUrl, {
      ...creds,
      token: accessToken['oauth_token'],
      tokenSecret: accessToken['oauth_token_secret'],
    });
    const refused = await fetch(productsUrl, { headers: { authorization: signed } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      message: "The consumer isn't authorized to access %resources.",
      parameters: { resources: 'Magento_Backend::store' },
    });
  });
});
