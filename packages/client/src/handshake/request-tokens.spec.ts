import { parseAuthorizationHeader } from '@magekit/oauth1';
import { startFakeMagento, type FakeMagentoServer } from '../testing';
import { MagentoClientError } from '../errors/magento-client-error';
import { parseActivationCallback } from './parse-activation-callback';
import { exchangeTokens, requestAccessToken, requestRequestToken } from './request-tokens';

let store: FakeMagentoServer | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

function callbackOf(server: FakeMagentoServer) {
  const { consumerKey, consumerSecret, verifier } = server.credentials;
  return parseActivationCallback({
    oauth_consumer_key: consumerKey,
    oauth_consumer_secret: consumerSecret,
    oauth_verifier: verifier,
    store_base_url: server.baseUrl,
  });
}

async function rejection(promise: Promise<unknown>): Promise<MagentoClientError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof MagentoClientError)) throw new Error(`expected a MagentoClientError, got ${String(error)}`);
  return error;
}

describe.each(['latest', 'laminas'] as const)('handshake against a %s store', (profile) => {
  it('exchanges the callback for the access token Magento issues', async () => {
    store = await startFakeMagento({ handshake: true, profile });
    const tokens = await exchangeTokens(callbackOf(store), { profile });
    expect(tokens).toEqual({ token: store.credentials.accessToken, tokenSecret: store.credentials.accessTokenSecret });
    expect(store.requests.map((r) => `${r.method} ${r.path} ${r.oauth?.valid}`)).toEqual([
      'POST /oauth/token/request true',
      'POST /oauth/token/access true',
    ]);
    const access = parseAuthorizationHeader(store.requests[1].headers.authorization);
    expect(access.oauth_verifier).toBe(store.credentials.verifier);
    expect(parseAuthorizationHeader(store.requests[0].headers.authorization).oauth_token).toBeUndefined();
    store.assertDone();
  });
});

describe('handshake failures', () => {
  it('reports CONSUMER_EXPIRED with the Reauthorize hint after the 300 s window', async () => {
    store = await startFakeMagento({ handshake: true, activatedSecondsAgo: 301 });
    const error = await rejection(
      requestRequestToken({
        storeBaseUrl: store.baseUrl,
        consumerKey: store.credentials.consumerKey,
        consumerSecret: store.credentials.consumerSecret,
      }),
    );
    expect(error.code).toBe('CONSUMER_EXPIRED');
    expect(error.status).toBe(401);
    expect(error.hint).toMatch(/Reauthorize/);
    expect(error.hint).toMatch(/Consumer Settings/);
  });

  it('reports HANDSHAKE_STATE when the request token is asked for twice', async () => {
    store = await startFakeMagento({ handshake: true });
    const options = {
      storeBaseUrl: store.baseUrl,
      consumerKey: store.credentials.consumerKey,
      consumerSecret: store.credentials.consumerSecret,
    };
    await requestRequestToken(options);
    expect((await rejection(requestRequestToken(options))).code).toBe('HANDSHAKE_STATE');
  });

  it('reports VERIFIER_INVALID for a verifier from an older callback', async () => {
    store = await startFakeMagento({ handshake: true });
    const options = {
      storeBaseUrl: store.baseUrl,
      consumerKey: store.credentials.consumerKey,
      consumerSecret: store.credentials.consumerSecret,
    };
    const request = await requestRequestToken(options);
    const error = await rejection(
      requestAccessToken({
        ...options,
        requestToken: request.token,
        requestTokenSecret: request.tokenSecret,
        verifier: 'x'.repeat(32),
      }),
    );
    expect(error.code).toBe('VERIFIER_INVALID');
  });

  it('re-signs once with the store clock when Magento rejects a timestamp from the future', async () => {
    const clientNow = Date.UTC(2025, 0, 1, 12, 0, 0);
    const storeNow = clientNow - 20 * 60_000;
    store = await startFakeMagento({ handshake: true, clock: () => storeNow });
    const tokens = await exchangeTokens(callbackOf(store), { clock: () => clientNow });
    expect(tokens.token).toBe(store.credentials.accessToken);
    const stamps = store.requests.map((r) => Number(parseAuthorizationHeader(r.headers.authorization).oauth_timestamp));
    expect(store.requests.map((r) => r.oauth?.error ?? 'ok')).toEqual([
      'An error occurred validating the nonce',
      'ok',
      'ok',
    ]);
    expect(stamps[0]).toBe(clientNow / 1000);
    expect(stamps[1]).toBe(storeNow / 1000);
  });

  it('unwraps a 500 internal_error answer', async () => {
    store = await startFakeMagento({ handshake: true });
    store.expect('POST', '/oauth/token/request', {
      status: 500,
      body: 'oauth_problem=internal_error%26message%3DDeadlock+found',
    });
    const error = await rejection(
      requestRequestToken({
        storeBaseUrl: store.baseUrl,
        consumerKey: store.credentials.consumerKey,
        consumerSecret: store.credentials.consumerSecret,
      }),
    );
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.magento?.message).toBe('Deadlock found');
    store.assertDone();
  });

  it('reports NETWORK when nothing listens', async () => {
    store = await startFakeMagento({ handshake: true });
    const base = store.baseUrl;
    await store.close();
    const error = await rejection(
      requestRequestToken({ storeBaseUrl: base, consumerKey: 'k'.repeat(32), consumerSecret: 's'.repeat(32) }),
    );
    expect(error.code).toBe('NETWORK');
    expect(error.message).toContain('ECONNREFUSED');
  });
});
