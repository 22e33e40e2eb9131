import { startFakeMagento, type FakeMagentoServer } from '../testing';
import { createMagentoClient } from '../rest/create-magento-client';
import type { ClientEvent } from '../rest/client-events';
import { createBearerAuth, createGuestAuth } from './bearer-auth';
import { createOAuthAuth } from './oauth-auth';
import { readJwtExpiry } from './jwt-expiry';

let store: FakeMagentoServer;
afterEach(async () => store?.close());

describe('bearer and guest auth', () => {
  it('refuses an integration token as Bearer unless the store allows it', () => {
    expect(() => createBearerAuth({ token: 'abc', tokenType: 'integration' })).toThrow(/not accepted as Bearer/);
    expect(() => createBearerAuth({ token: '' })).toThrow(/needs a token/);
  });

  it('sends an allowed integration Bearer token and warns once through the event hook', async () => {
    store = await startFakeMagento();
    const events: ClientEvent[] = [];
    const client = createMagentoClient({
      baseUrl: store.baseUrl,
      auth: createBearerAuth({
        token: store.credentials.accessToken,
        tokenType: 'integration',
        allowIntegrationBearer: true,
      }),
      onEvent: (e) => events.push(e),
    });
    store.route('GET', '/rest/V1/modules', (request) => ({
      json: request.bearerToken === store.credentials.accessToken,
    }));
    expect(await client.get('/V1/modules')).toBe(true);
    await client.get('/V1/modules');
    expect(events.filter((e) => e.type === 'warning')).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(store.credentials.accessToken);
  });

  it('sends no Authorization header as a guest (the default)', async () => {
    store = await startFakeMagento();
    store.expect('GET', '/rest/default/V1/directory/countries', (request) => ({
      json: request.headers.authorization ?? 'none',
    }));
    store.expect('GET', '/rest/default/V1/directory/currency', (request) => ({
      json: request.headers.authorization ?? 'none',
    }));
    expect(await createMagentoClient({ baseUrl: store.baseUrl, store: 'default' }).get('/V1/directory/countries')).toBe(
      'none',
    );
    expect(
      await createMagentoClient({ baseUrl: store.baseUrl, store: 'default', auth: createGuestAuth() }).get(
        '/V1/directory/currency',
      ),
    ).toBe('none');
    store.assertDone();
  });

  it('refuses incomplete OAuth credentials, naming what is missing', () => {
    expect(() =>
      createOAuthAuth({ consumerKey: 'k', consumerSecret: '', accessToken: 't', accessTokenSecret: '' }),
    ).toThrow(/consumerSecret, accessTokenSecret/);
  });
});

describe('readJwtExpiry', () => {
  it('reads exp in ms and ignores opaque or malformed tokens', () => {
    const payload = Buffer.from(JSON.stringify({ uid: 1, exp: 1_700_000_000 })).toString('base64url');
    expect(readJwtExpiry(`e30.${payload}.sig`)).toBe(1_700_000_000_000);
    expect(readJwtExpiry('0123456789abcdefghijklmnopqrstuv')).toBeNull();
    expect(readJwtExpiry('a.!!!.c')).toBeNull();
    expect(readJwtExpiry(`e30.${Buffer.from('{"exp":"soon"}').toString('base64url')}.s`)).toBeNull();
  });
});
