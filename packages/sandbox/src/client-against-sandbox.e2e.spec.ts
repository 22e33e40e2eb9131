import {
  createMagentoClient,
  createOAuthAuth,
  exchangeTokens,
  parseActivationCallback,
  type ClientEvent,
  type MagentoClient,
} from '@magekit/client';
import { createRecordingSleep, failureOf } from '@magekit/client/testing';
import { CallbackServer } from './test-support/callback-server';
import { startSandbox, type RunningSandbox } from './testing';

describe('@magekit/client against the sandbox store over loopback', () => {
  let sandbox: RunningSandbox;
  const callback = new CallbackServer();
  let endpoint: string;
  let nowMs = Date.now();

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: false, clock: { now: () => nowMs } });
    endpoint = await callback.start();
  });
  afterAll(async () => {
    await sandbox.close();
    await callback.stop();
  });
  afterEach(() =>
    sandbox.admin.updateStoreSettings('default', {
      signatureProfile: 'latest',
      burst: null,
      stripAuthorization: false,
      clockOffsetSeconds: 0,
    }),
  );

  async function activate(name: string) {
    const integration = await sandbox.admin.createIntegration({
      name,
      endpointUrl: `${endpoint}/magento/callback/t1`,
      identityLinkUrl: 'https://app.example.com/identity',
      resources: ['Magento_Backend::store'],
    });
    const posted = callback.nextPost();
    await sandbox.admin.activate(integration.id);
    const activation = parseActivationCallback(new URLSearchParams((await posted).fields));
    return { integration, activation };
  }

  async function connect(
    name: string,
    extra: Partial<Parameters<typeof createMagentoClient>[0]> = {},
  ): Promise<{ client: MagentoClient; events: ClientEvent[] }> {
    const { activation } = await activate(name);
    const access = await exchangeTokens(activation, { clock: () => nowMs });
    const events: ClientEvent[] = [];
    const client = createMagentoClient({
      baseUrl: activation.storeBaseUrl,
      auth: createOAuthAuth({
        consumerKey: activation.consumerKey,
        consumerSecret: activation.consumerSecret,
        accessToken: access.token,
        accessTokenSecret: access.tokenSecret,
      }),
      clock: () => nowMs,
      onEvent: (event) => events.push(event),
      ...extra,
    });
    return { client, events };
  }

  it('activation callback → exchangeTokens → signed REST calls', async () => {
    const { client } = await connect('happy');
    const views = await client.get<Array<{ code: string }>>('/V1/store/storeViews');
    expect(views.map((view) => view.code)).toEqual(['admin', 'default', 'es_mx']);
  });

  it('detects a 2.4.4–2.4.6 store from "The signature is invalid" on a GET and remembers its profile', async () => {
    const { client, events } = await connect('profile');
    await sandbox.admin.updateStoreSettings('default', { signatureProfile: 'laminas' });
    // a9/a10: the two lines sort these keys differently, so only the right profile verifies.
    await client.get('/V1/store/storeConfigs', { query: { a9: 'x', a10: 'y' } });
    expect(events.some((event) => event.type === 'profile-fallback')).toBe(true);
    expect(await client.signatureProfile()).toBe('laminas');
  });

  it('corrects clock skew from the Date header when the store refuses the timestamp', async () => {
    const { client, events } = await connect('skew');
    await sandbox.admin.updateStoreSettings('default', { clockOffsetSeconds: -3600 });
    await client.get('/V1/store/storeViews');
    expect(events.some((event) => event.type === 'clock-skew')).toBe(true);
  });

  it('retries a GET through a 503 burst, honouring Retry-After, each try with a fresh nonce', async () => {
    const sleep = createRecordingSleep();
    const { client } = await connect('burst', { sleep });
    await sandbox.admin.updateStoreSettings('default', { burst: { status: 503, remaining: 2, retryAfterSeconds: 3 } });
    expect(await client.get('/V1/store/websites')).toHaveLength(3);
    expect(sleep.delays).toEqual([3000, 3000]);
  });

  it('maps a stripped Authorization header to NOT_AUTHORIZED and an expired consumer to CONSUMER_EXPIRED with its hint', async () => {
    const { client } = await connect('strip');
    await sandbox.admin.updateStoreSettings('default', { stripAuthorization: true });
    expect(await failureOf(client.get('/V1/store/storeViews'))).toMatchObject({ code: 'NOT_AUTHORIZED', status: 401 });
    // The token endpoints lose the header too: the handshake cannot even start.
    const { activation: stripped } = await activate('stripped-handshake');
    expect(await failureOf(exchangeTokens(stripped, { clock: () => nowMs }))).toMatchObject({
      code: 'OAUTH_PARAMETER_MISSING',
    });
    await sandbox.admin.updateStoreSettings('default', { stripAuthorization: false });
    const { activation } = await activate('late');
    nowMs += 301_000;
    const late = await failureOf(exchangeTokens(activation, { clock: () => nowMs }));
    expect(late).toMatchObject({ code: 'CONSUMER_EXPIRED' });
    expect((late as { hint?: string }).hint).toContain('Reauthorize');
  });
});
