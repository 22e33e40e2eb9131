import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { SecurityEventEntity, SignInAttemptEntity } from '../entities';
import { startE2eApp, type E2eApp } from '../test-support/e2e-app';
import { createVendorAccount } from './vendor-accounts';

// Test-sized scrypt cost: these suites make dozens of password checks while other projects test in parallel.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

jest.setTimeout(30_000);
const RIGHT = 'long enough password';
const GENERIC = 'The e-mail address or password is not correct.';

describe('identity-link sign-in lockout over HTTP (SQLite)', () => {
  let e2e: E2eApp;
  let store: FakeMagentoServer;

  beforeEach(async () => {
    e2e = await startE2eApp({ productName: 'Acme Sync' });
    store = await startFakeMagento({ handshake: true });
    await createVendorAccount(
      e2e.dataSource,
      { email: 'merchant@example.com', name: 'Merchant Ltd', password: RIGHT },
      FAST,
    );
  });
  afterEach(async () => {
    await e2e.close();
    await store.close();
  });

  async function signIn(email: string, password: string) {
    const page = await e2e.http
      .get('/magento/identity/acme')
      .query({ oauth_consumer_key: store.credentials.consumerKey, success_call_back: '' })
      .expect(200);
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const formToken = /name="form_token" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const fields = {
      email,
      password,
      oauth_consumer_key: store.credentials.consumerKey,
      success_call_back: '',
      form_token: formToken,
    };
    return e2e.http
      .post('/magento/identity/acme')
      .set('Cookie', cookie)
      .set('Accept', 'text/html')
      .type('form')
      .send(fields);
  }

  async function failTimes(count: number, email: (i: number) => string) {
    for (let i = 0; i < count; i += 1) expect((await signIn(email(i), 'not the password')).status).toBe(401);
  }

  it('6 wrong passwords lock the e-mail, even for the right password, until the window ends', async () => {
    await failTimes(5, () => 'merchant@example.com');
    const sixth = await signIn('merchant@example.com', 'not the password');
    expect(sixth.text).toContain('Please wait 15 minutes');
    const refused = await signIn(' Merchant@Example.com ', RIGHT);
    expect(refused.status).toBe(401);
    expect(refused.text).toContain(GENERIC);
    expect(refused.text).toContain('Too many failed sign-ins. Please wait 15 minutes and try again.');
    e2e.clock.advance(899_000);
    expect((await signIn('merchant@example.com', RIGHT)).text).toContain('Please wait 1 minute and');
    e2e.clock.advance(1000);
    const after = await signIn('merchant@example.com', RIGHT);
    expect(after.status).toBe(200);
    expect(after.text).toContain('The activation is linked to Merchant Ltd');
  });

  it('an unknown e-mail locks the same way (the answer never tells whether the e-mail exists)', async () => {
    await failTimes(6, () => 'nobody@example.com');
    await failTimes(5, () => 'merchant@example.com');
    const unknown = await signIn('nobody@example.com', 'whatever');
    const known = await signIn('merchant@example.com', 'not the password');
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '');
    expect(strip(unknown.text)).toBe(strip(known.text));
    expect(unknown.status).toBe(known.status);
  });

  it('a success clears the e-mail counter; counts are stored only as hashes', async () => {
    await failTimes(5, () => 'merchant@example.com');
    expect((await signIn('merchant@example.com', RIGHT)).status).toBe(200);
    await failTimes(5, () => 'merchant@example.com');
    expect((await signIn('merchant@example.com', RIGHT)).status).toBe(200);
    const rows = await e2e.dataSource.getRepository(SignInAttemptEntity).find();
    expect(rows.map((row) => [row.kind, row.failures])).toEqual([['ip', 10]]);
    expect(JSON.stringify(rows)).not.toMatch(/merchant|127\.0\.0\.1|password/);
  });

  it('30 failures from one address throttle that address with 429 (never "wrong password" for a right one), logged once', async () => {
    for (let i = 0; i < 30; i += 1)
      await createVendorAccount(
        e2e.dataSource,
        { email: `visitor${i}@example.com`, name: `Visitor ${i}`, password: RIGHT },
        FAST,
      );
    await failTimes(29, (i) => `visitor${i}@example.com`);
    expect((await signIn('merchant@example.com', RIGHT)).status).toBe(200);
    const thirtieth = await signIn('visitor29@example.com', 'not the password');
    expect(thirtieth.status).toBe(401);
    expect(thirtieth.text).toContain('Too many failed sign-ins from your network address. Please wait 15 minutes');
    const refused = await signIn('merchant@example.com', RIGHT);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('900');
    expect(refused.text).toContain('Too many failed sign-ins from your network address');
    expect(refused.text).not.toContain(GENERIC);
    const events = await e2e.dataSource.getRepository(SecurityEventEntity).findBy({ type: 'sign_in_throttled' });
    expect(events).toHaveLength(1);
    expect(events[0].sourceAddress).toMatch(/127\.0\.0\.1/);
    e2e.clock.advance(900_000);
    expect((await signIn('merchant@example.com', RIGHT)).status).toBe(200);
  });
});
