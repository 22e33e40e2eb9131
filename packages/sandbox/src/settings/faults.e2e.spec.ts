import { signRequest } from '@magekit/oauth1';
import { signForTest } from '../test-support/oauth-test-client';
import { startSandbox, type DirectActivation, type RunningSandbox } from '../testing';

describe('sandbox: per-store profiles and faults over HTTP', () => {
  let sandbox: RunningSandbox;
  let creds: { consumerKey: string; consumerSecret: string; token: string; tokenSecret: string };
  const nowMs = Date.UTC(2026, 5, 1, 12);

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: false, clock: { now: () => nowMs } });
    const integration = await sandbox.admin.createIntegration({ name: 'faults', resources: 'all' });
    const tokens = (await sandbox.admin.activate(integration.id)) as DirectActivation;
    creds = {
      consumerKey: tokens.consumer_key,
      consumerSecret: tokens.consumer_secret,
      token: tokens.access_token,
      tokenSecret: tokens.access_token_secret,
    };
  });
  afterAll(() => sandbox.close());
  afterEach(async () => {
    for (const code of ['default', 'es_mx'])
      await sandbox.admin.updateStoreSettings(code, {
        signatureProfile: 'latest',
        latencyMs: 0,
        burst: null,
        stripAuthorization: false,
        clockOffsetSeconds: 0,
      });
  });

  const url = (path: string) => `${sandbox.baseUrl}${path}`;
  async function call(
    path: string,
    authorization = signForTest('GET', url(path), creds, { timestamp: Math.floor(nowMs / 1000) }),
  ) {
    const response = await fetch(url(path), { headers: { authorization } });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  it('a burst of 503 answers the next N requests with Retry-After, then the store recovers', async () => {
    await sandbox.admin.updateStoreSettings('default', { burst: { status: 503, remaining: 2, retryAfterSeconds: 7 } });
    const first = await call('rest/V1/store/storeViews');
    const second = await call('rest/default/V1/store/storeViews');
    const third = await call('rest/V1/store/storeViews');
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(first.headers.get('retry-after')).toBe('7');
  });

  it('a 429 burst applies only to its own store code', async () => {
    await sandbox.admin.updateStoreSettings('es_mx', { burst: { status: 429, remaining: 1, retryAfterSeconds: 1 } });
    expect((await call('rest/V1/store/storeViews')).status).toBe(200);
    expect((await call('rest/es_mx/V1/store/storeViews')).status).toBe(429);
    expect((await call('rest/es_mx/V1/store/storeViews')).status).toBe(200);
  });

  it('a stripped Authorization header makes the caller a guest', async () => {
    await sandbox.admin.updateStoreSettings('default', { stripAuthorization: true });
    expect(await call('rest/V1/store/storeViews')).toMatchObject({
      status: 401,
      body: {
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: 'Magento_Backend::store' },
      },
    });
  });

  it('a clock offset moves the Date header and the timestamp window (+600 s)', async () => {
    await sandbox.admin.updateStoreSettings('default', { clockOffsetSeconds: -3600 });
    const answer = await call('rest/V1/store/storeViews');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ message: 'An error occurred validating the nonce' });
    expect(Date.parse(answer.headers.get('date') as string)).toBe(nowMs - 3600_000);
  });

  it("each profile verifies its own line's base string: natural (2.4.4–2.4.6) vs byte (current) key order of a9/a10", async () => {
    const path = 'rest/V1/store/storeConfigs?a9=x&a10=y';
    const signed = (profile: 'latest' | 'laminas') =>
      signRequest({
        method: 'GET',
        url: url(path),
        consumerKey: creds.consumerKey,
        consumerSecret: creds.consumerSecret,
        token: creds.token,
        tokenSecret: creds.tokenSecret,
        timestamp: String(Math.floor(nowMs / 1000)),
        profile,
      }).authorization;
    expect((await call(path, signed('latest'))).status).toBe(200);
    expect(await call(path, signed('laminas'))).toMatchObject({
      status: 401,
      body: { message: 'The signature is invalid. Verify and try again.' },
    });
    await sandbox.admin.updateStoreSettings('default', { signatureProfile: 'laminas' });
    expect((await call(path, signed('laminas'))).status).toBe(200);
    expect(await call(path, signed('latest'))).toMatchObject({
      status: 401,
      body: { message: 'The signature is invalid. Verify and try again.' },
    });
  });

  it('latency holds every answer of the store back: a client with a shorter timeout gives up, another store answers', async () => {
    await sandbox.admin.updateStoreSettings('default', { latencyMs: 1500 });
    const path = 'rest/V1/store/storeViews';
    const authorization = signForTest('GET', url(path), creds, { timestamp: Math.floor(nowMs / 1000) });
    await expect(fetch(url(path), { headers: { authorization }, signal: AbortSignal.timeout(200) })).rejects.toThrow(
      /abort|timeout/i,
    );
    expect((await call('rest/es_mx/V1/store/storeViews')).status).toBe(200);
  });

  it('rejects bad settings naming every problem', async () => {
    await expect(
      sandbox.admin.updateStoreSettings('default', { latencyMs: -1, burst: { status: 500 } } as never),
    ).rejects.toThrow(
      '"latencyMs" must be an integer from 0 to 60000; "burst" must be null or {status: 429|503, remaining, retryAfterSeconds}',
    );
    await expect(sandbox.admin.updateStoreSettings('nowhere', {})).rejects.toThrow('Unknown store code "nowhere"');
  });
});
