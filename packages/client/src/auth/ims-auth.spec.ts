import { createManualClock, createFakeSaasFetch, failureOf, makeFakeImsToken, type FakeFetchRequest } from '../testing';
import { createMagentoClient } from '../rest/create-magento-client';
import type { MagentoClientOptions } from '../rest/client-options';
import type { ClientEvent } from '../rest/client-events';
import { createImsAuth } from './ims-auth';
import { IMS_COMMERCE_SCOPES, type ImsAuthOptions } from './ims-options';
import { parseImsTokenResponse } from './parse-ims-token-response';

const CLIENT_ID = '0123456789abcdef0123456789abcdef';
const SECRET = 'p8e-Zq8xWv7uTs6rQp5oNm4lKj3iHg2fEd1C';
const ORG_ID = '0123456789ABCDEF01234567@AdobeOrg';
const GATEWAY_401 = { status: 401, json: { error_code: '401013', message: 'Oauth token is not valid' } };

function setup(authOptions: Partial<ImsAuthOptions> = {}, clientOptions: Partial<MagentoClientOptions> = {}) {
  const saas = createFakeSaasFetch();
  const clock = createManualClock();
  const events: ClientEvent[] = [];
  const auth = createImsAuth({ clientId: CLIENT_ID, clientSecret: SECRET, orgId: ORG_ID, ...authOptions });
  const client = createMagentoClient({
    baseUrl: saas.baseUrl,
    auth,
    fetch: saas.fetch,
    clock,
    onEvent: (event) => events.push(event),
    ...clientOptions,
  });
  return { saas, clock, events, auth, client };
}

/** The products route answers with the token it got, and refuses the tokens `refused` says. */
function serveProducts(
  saas: ReturnType<typeof createFakeSaasFetch>,
  refused: (token: string) => boolean = () => false,
) {
  saas.route('GET', '/V1/products', (request: FakeFetchRequest) =>
    request.bearerToken && !refused(request.bearerToken) ? { json: { token: request.bearerToken } } : GATEWAY_401,
  );
}

const tokenActions = (events: ClientEvent[]) => events.flatMap((e) => (e.type === 'token' ? [e.action] : []));
/** Lets every pending promise settle (all concurrent calls reach the shared token request). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('IMS server-to-server auth', () => {
  it('posts the client-credentials form to IMS and calls the store with Bearer, x-api-key and the org id', async () => {
    const { saas, client } = setup();
    serveProducts(saas);
    expect(await client.get('/V1/products')).toEqual({ token: makeFakeImsToken(1) });
    const [tokenCall] = saas.tokenRequests();
    expect(tokenCall.method).toBe('POST');
    expect(tokenCall.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(tokenCall.form)).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: SECRET,
      scope: 'AdobeID,openid,email,profile,additional_info.roles,additional_info.projectedProductContext,commerce.accs',
    });
    expect(tokenCall.headers['authorization']).toBeUndefined();
    const [storeCall] = saas.storeRequests();
    expect(storeCall.url).toBe(`${saas.baseUrl}V1/products`);
    expect(storeCall.headers).toMatchObject({
      authorization: `Bearer ${makeFakeImsToken(1)}`,
      'x-api-key': CLIENT_ID,
      'x-gw-ims-org-id': ORG_ID,
    });
  });

  it('caches the token for its lifetime', async () => {
    const { saas, client, clock, events, auth } = setup();
    serveProducts(saas);
    for (let i = 0; i < 4; i++) {
      await client.get('/V1/products');
      clock.advance(60 * 60_000);
    }
    expect(saas.tokenRequests()).toHaveLength(1);
    expect(saas.storeRequests().map((r) => r.bearerToken)).toEqual(Array(4).fill(makeFakeImsToken(1)));
    expect(auth.expiresAt).toBe(Date.UTC(2025, 0, 1, 12, 0, 0) + 86_399_000);
    expect(tokenActions(events)).toEqual(['issued']);
  });

  it('asks for a new token the stated margin (300 s) before expiry', async () => {
    const { saas, client, clock } = setup();
    saas.onToken(() => ({ json: { access_token: makeFakeImsToken(saas.tokenRequests().length), expires_in: 3600 } }));
    serveProducts(saas);
    await client.get('/V1/products');
    clock.advance((3600 - 300) * 1000 - 1);
    await client.get('/V1/products');
    expect(saas.tokenRequests()).toHaveLength(1);
    clock.advance(1);
    await client.get('/V1/products');
    expect(saas.tokenRequests()).toHaveLength(2);
    expect(saas.storeRequests().map((r) => r.bearerToken)).toEqual([1, 1, 2].map(makeFakeImsToken));
  });

  it('refreshes a short-lived token at half its life when the margin is longer', async () => {
    const { saas, client, clock } = setup({ refreshMarginSeconds: 600 });
    saas.onToken(() => ({ json: { access_token: makeFakeImsToken(saas.tokenRequests().length), expires_in: 120 } }));
    serveProducts(saas);
    await client.get('/V1/products');
    clock.advance(59_999);
    await client.get('/V1/products');
    clock.advance(1);
    await client.get('/V1/products');
    expect(saas.tokenRequests()).toHaveLength(2);
  });

  it('shares one token request between concurrent calls', async () => {
    const { saas, client } = setup();
    serveProducts(saas);
    const release = saas.holdTokens();
    const calls = Array.from({ length: 8 }, () => client.get('/V1/products'));
    await settle();
    expect(saas.tokenRequests()).toHaveLength(1);
    release();
    expect(await Promise.all(calls)).toEqual(Array(8).fill({ token: makeFakeImsToken(1) }));
    expect(saas.tokenRequests()).toHaveLength(1);
  });

  it('on a 401 drops the token, gets a new one and re-sends the call once', async () => {
    const { saas, client, events } = setup();
    let revoked = false;
    serveProducts(saas, (token) => revoked && token === makeFakeImsToken(1));
    await client.get('/V1/products');
    revoked = true;
    expect(await client.get('/V1/products')).toEqual({ token: makeFakeImsToken(2) });
    expect(saas.tokenRequests()).toHaveLength(2);
    expect(saas.storeRequests()).toHaveLength(3);
    expect(tokenActions(events)).toEqual(['issued', 'invalidated', 'issued']);
  });

  it('concurrent calls refused with the same token share one new token', async () => {
    const { saas, client } = setup();
    let revoked = false;
    serveProducts(saas, (token) => revoked && token === makeFakeImsToken(1));
    await client.get('/V1/products');
    revoked = true;
    const results = await Promise.all(Array.from({ length: 5 }, () => client.get('/V1/products')));
    expect(results).toEqual(Array(5).fill({ token: makeFakeImsToken(2) }));
    expect(saas.tokenRequests()).toHaveLength(2);
  });

  it('fails with a typed error when the new token is refused too, and does not ask IMS again at once', async () => {
    const { saas, client, clock } = setup();
    serveProducts(saas, () => true);
    const error = await failureOf(client.get('/V1/products'));
    expect([error.code, error.status]).toEqual(['NOT_AUTHORIZED', 401]);
    expect(error.hint).toMatch(/commerce\.accs/);
    expect([saas.tokenRequests().length, saas.storeRequests().length]).toEqual([2, 2]);
    await failureOf(client.get('/V1/products'));
    expect([saas.tokenRequests().length, saas.storeRequests().length]).toEqual([2, 3]);
    clock.advance(30_000);
    await failureOf(client.get('/V1/products'));
    expect([saas.tokenRequests().length, saas.storeRequests().length]).toEqual([3, 5]);
  });

  it('does not refresh on a 403 (permissions, not the token)', async () => {
    const { saas, client } = setup();
    saas.route('GET', '/V1/orders', () => ({ status: 403, json: { message: 'Forbidden' } }));
    const error = await failureOf(client.get('/V1/orders'));
    expect([error.code, error.status]).toEqual(['NOT_AUTHORIZED', 403]);
    expect(error.hint).toMatch(/orgId/);
    expect(saas.tokenRequests()).toHaveLength(1);
  });
});

describe('IMS errors', () => {
  it.each([
    [
      401,
      { error: 'invalid_client', error_description: 'invalid client_secret parameter' },
      'IMS_CLIENT_REJECTED',
      /clientSecret/,
    ],
    [
      400,
      { error: 'unauthorized_client', error_description: 'Client not allowed' },
      'IMS_CLIENT_REJECTED',
      /Developer Console/,
    ],
    [
      400,
      { error: 'invalid_scope', error_description: 'Invalid scope(s): commerce.accs' },
      'IMS_SCOPE_REJECTED',
      /commerce\.accs/,
    ],
    [400, { error: 'unsupported_grant_type' }, 'IMS_REQUEST_REJECTED', /client_credentials/],
    [429, { error: 'too_many_requests' }, 'RATE_LIMITED', /throttles/],
    [503, { error: 'server_error' }, 'SERVER_ERROR', undefined],
    [200, { token_type: 'bearer', expires_in: 86399 }, 'INVALID_RESPONSE', /access_token/],
    [200, { access_token: 'x', token_type: 'mac', expires_in: 86399 }, 'INVALID_RESPONSE', /bearer/],
    [200, { access_token: 'x', expires_in: 'soon' }, 'INVALID_RESPONSE', /expires_in/],
  ])('HTTP %i %j → %s', async (status, json, code, hint) => {
    const { saas, client } = setup();
    saas.onToken(() => ({ status, json }));
    const error = await failureOf(client.get('/V1/products'));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    if (hint) expect(error.hint).toMatch(hint);
    if ('error' in json) expect(error.message).toContain(json.error);
    expect(saas.storeRequests()).toHaveLength(0);
  });

  it('never puts the client secret into an error, even when IMS echoes it', async () => {
    const { saas, client } = setup();
    saas.onToken(() => ({
      status: 400,
      json: { error: 'invalid_request', error_description: `bad client_secret ${SECRET} for ${CLIENT_ID}` },
    }));
    const error = await failureOf(client.get('/V1/products'));
    expect(error.code).toBe('IMS_REQUEST_REJECTED');
    expect(error.message).toContain(CLIENT_ID);
    expect(JSON.stringify({ message: error.message, hint: error.hint, stack: error.stack })).not.toContain(SECRET);
    // A refused request (unlike a refused credential) starts no cooldown: IMS is asked again.
    saas.onToken(() => ({ status: 502, body: `<html>upstream got client_secret=${SECRET}</html>` }));
    const gateway = await failureOf(client.get('/V1/products'));
    expect(gateway.code).toBe('SERVER_ERROR');
    expect(gateway.message).not.toContain(SECRET);
  });

  it('hides the values it is given and secret-looking texts in what IMS says (pure parser)', () => {
    const body = JSON.stringify({
      error: 'invalid_request',
      error_description: 'got plain-secret-value, Bearer abcdefghijk',
    });
    let message = '';
    try {
      parseImsTokenResponse(400, body, ['plain-secret-value']);
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('invalid_request: got [REDACTED], Bearer [REDACTED]');
    expect(parseImsTokenResponse(200, '{"access_token":"t","token_type":"Bearer","expires_in":"3600"}')).toEqual({
      accessToken: 't',
      expiresInMs: 3_600_000,
    });
  });

  it('remembers a refused credential for the cooldown instead of asking IMS on every call', async () => {
    const { saas, client, clock, auth } = setup();
    saas.onToken(() => ({ status: 401, json: { error: 'invalid_client' } }));
    await failureOf(client.get('/V1/products'));
    expect((await failureOf(client.get('/V1/products'))).code).toBe('IMS_CLIENT_REJECTED');
    expect(saas.tokenRequests()).toHaveLength(1);
    auth.invalidate();
    await failureOf(client.get('/V1/products'));
    expect(saas.tokenRequests()).toHaveLength(2);
    clock.advance(60_000);
    await failureOf(client.get('/V1/products'));
    expect(saas.tokenRequests()).toHaveLength(3);
  });

  it('turns an unreachable IMS into a NETWORK error that names no secret', async () => {
    const { client } = setup({ tokenUrl: 'https://ims.invalid/ims/token/v3' });
    const error = await failureOf(client.get('/V1/products'));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/^Could not get an IMS token: POST https:\/\/ims\.invalid\/ims\/token\/v3 failed/);
    expect(error.message).not.toContain(SECRET);
  });
});

describe('IMS options and redaction', () => {
  it('names every bad option in one message without the secret', () => {
    let message = '';
    try {
      createImsAuth({
        clientId: '',
        clientSecret: SECRET,
        orgId: 'has space',
        scopes: ['a,b'],
        tokenUrl: 'http://ims.example.com/',
      });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(
      /clientId is required.*; orgId must be .*; scopes must be .*; tokenUrl must be an https URL/,
    );
    expect(message).not.toContain(SECRET);
    expect(() => createImsAuth({ clientId: CLIENT_ID, clientSecret: ' ' })).toThrow(/clientSecret is required/);
  });

  it('takes an origin as tokenUrl (a local IMS stand-in) and sends the default scopes', async () => {
    const saas = createFakeSaasFetch();
    const auth = createImsAuth({ clientId: CLIENT_ID, clientSecret: SECRET, tokenUrl: 'http://127.0.0.1:4010' });
    let tokenUrl = '';
    const client = createMagentoClient({
      baseUrl: saas.baseUrl,
      auth,
      fetch: (url, init) => {
        if (!url.startsWith('http://127.0.0.1')) return saas.fetch(url, init);
        tokenUrl = url;
        return Promise.resolve(Response.json({ access_token: 'local-token', token_type: 'bearer', expires_in: 60 }));
      },
    });
    saas.route('GET', '/V1/modules', (request) => ({
      json: [request.bearerToken, request.headers['x-gw-ims-org-id'] ?? null],
    }));
    expect(await client.get('/V1/modules')).toEqual(['local-token', null]);
    expect(tokenUrl).toBe('http://127.0.0.1:4010/ims/token/v3');
    expect(IMS_COMMERCE_SCOPES).toContain('commerce.accs');
  });

  it('warns once when the scopes lack commerce.accs', async () => {
    const { saas, client, events } = setup({ scopes: ['openid', 'AdobeID'] });
    serveProducts(saas);
    await client.get('/V1/products');
    await client.get('/V1/products');
    expect(events.filter((e) => e.type === 'warning')).toHaveLength(1);
    expect(saas.tokenRequests()[0].form.get('scope')).toBe('openid,AdobeID');
  });

  it('keeps the token, the secret and the api key out of the events', async () => {
    const { saas, client, events } = setup();
    serveProducts(saas);
    await client
      .post('/V1/products', { note: `retry with ${makeFakeImsToken(1)} and ${SECRET}` })
      .catch(() => undefined);
    await client.get('/V1/products');
    const logged = JSON.stringify(events);
    expect(logged).toContain('Bearer [REDACTED]');
    expect(logged).toContain(ORG_ID);
    for (const secret of [makeFakeImsToken(1), SECRET, CLIENT_ID]) expect(logged).not.toContain(secret);
  });

  it('lets a caller stop waiting for the shared token without failing the others', async () => {
    const { saas, client } = setup();
    serveProducts(saas);
    const release = saas.holdTokens();
    const controller = new AbortController();
    const aborted = client.get('/V1/products', { signal: controller.signal });
    const waiting = client.get('/V1/products');
    await settle();
    controller.abort();
    expect((await failureOf(aborted)).code).toBe('ABORTED');
    release();
    expect(await waiting).toEqual({ token: makeFakeImsToken(1) });
    expect(saas.tokenRequests()).toHaveLength(1);
  });
});
