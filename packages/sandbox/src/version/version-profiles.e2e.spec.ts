import { signRequest, type SignatureProfile } from '@magekit/oauth1';
import { SIGN_IN_FAILED } from '../common/magento-exception';
import { startSandbox, type DirectActivation, type MagentoVersion, type RunningSandbox } from '../testing';
import { createCustomer, ManualClock, postRest, statusAndBody } from '../tokens/token-fixtures.test';

const INVALID_SIGNATURE = { message: 'The signature is invalid. Verify and try again.' };
const PRODUCTS = 30;

interface VersionedSandbox {
  sandbox: RunningSandbox;
  clock: ManualClock;
  creds: { consumerKey: string; consumerSecret: string; token: string; tokenSecret: string };
}

async function startVersion(magentoVersion: MagentoVersion): Promise<VersionedSandbox> {
  const clock = new ManualClock();
  const sandbox = await startSandbox({ magentoVersion, clock, seed: { products: PRODUCTS, customers: 0, orders: 0 } });
  const integration = await sandbox.admin.createIntegration({ name: `v${magentoVersion}`, resources: 'all' });
  const tokens = (await sandbox.admin.activate(integration.id)) as DirectActivation;
  const creds = {
    consumerKey: tokens.consumer_key,
    consumerSecret: tokens.consumer_secret,
    token: tokens.access_token,
    tokenSecret: tokens.access_token_secret,
  };
  return { sandbox, clock, creds };
}

/** A signed GET (the given signature profile) of `path` on the sandbox; status, headers and body. */
async function signedGet(env: VersionedSandbox, path: string, profile: SignatureProfile) {
  const url = `${env.sandbox.baseUrl}${path}`;
  const { authorization } = signRequest({
    method: 'GET',
    url,
    ...env.creds,
    timestamp: String(Math.floor(env.clock.now() / 1000)),
    profile,
  });
  const response = await fetch(url, { headers: { authorization } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

describe.each([
  ['2.4.6-p1', 'laminas', 'latest'],
  ['2.4.8', 'latest', 'laminas'],
] as const)('the %s profile over HTTP', (version, accepted, refused) => {
  let env: VersionedSandbox;

  beforeAll(async () => {
    env = await startVersion(version);
  });
  afterAll(() => env.sandbox.close());

  it(`every answer names the profile; /magento_version answers "Magento/2.4 (Community)" as Magento does`, async () => {
    const versionPage = await fetch(`${env.sandbox.baseUrl}magento_version`);
    expect(versionPage.status).toBe(200);
    expect(versionPage.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await versionPage.text()).toBe('Magento/2.4 (Community)');
    expect((await fetch(`${env.sandbox.baseUrl}magento_version/index/index/`)).status).toBe(200);
    for (const path of ['magento_version', 'rest/V1/no-such-route', 'sandbox/admin/stores', 'oauth/token/request'])
      expect((await fetch(`${env.sandbox.baseUrl}${path}`)).headers.get('x-magekit-sandbox-version')).toBe(version);
  });

  it(`stores verify with the "${accepted}" signature profile; a per-store setting still switches it`, async () => {
    // a9/a10: natural key order (2.4.4–2.4.6) and byte order (current line) give different base strings.
    const path = 'rest/V1/store/storeConfigs?a9=x&a10=y';
    expect((await signedGet(env, path, accepted)).status).toBe(200);
    expect(await signedGet(env, path, refused)).toMatchObject({ status: 401, body: INVALID_SIGNATURE });
    expect((await env.sandbox.admin.updateStoreSettings('default', {})).signatureProfile).toBe(accepted);
    await env.sandbox.admin.updateStoreSettings('default', { signatureProfile: refused });
    try {
      expect((await signedGet(env, path, refused)).status).toBe(200);
      expect(await signedGet(env, path, accepted)).toMatchObject({ status: 401, body: INVALID_SIGNATURE });
    } finally {
      await env.sandbox.admin.updateStoreSettings('default', { signatureProfile: accepted });
    }
  });

  it('a search without pageSize gets every row (no default page size), a pageSize above 300 is refused', async () => {
    const all = await signedGet(env, 'rest/V1/products?searchCriteria[currentPage]=1', accepted);
    expect(all.status).toBe(200);
    const body = all.body as { items: unknown[]; total_count: number; search_criteria: Record<string, unknown> };
    expect(body.total_count).toBe(PRODUCTS);
    expect(body.items).toHaveLength(PRODUCTS);
    expect(body.search_criteria).not.toHaveProperty('page_size');
    expect(await signedGet(env, 'rest/V1/products?searchCriteria[pageSize]=301', accepted)).toMatchObject({
      status: 400,
      body: { message: 'Maximum SearchCriteria pageSize is %max', parameters: { max: 300 } },
    });
  });

  it('customer tokens: 6 failures lock the user name for 1800 s, and the 10th wrong password locks the customer for 10 min', async () => {
    const email = `lock-${version}@example.com`;
    await createCustomer(env.sandbox, { email, password: 'Right123!' });
    const attempt = (password: string) =>
      postRest(env.sandbox, 'V1/integration/customer/token', { username: email, password });
    const refusedAnswer = { status: 401, body: { message: SIGN_IN_FAILED } };
    for (let i = 0; i < 6; i++) expect(statusAndBody(await attempt('wrong-password'))).toEqual(refusedAnswer);
    expect(statusAndBody(await attempt('Right123!'))).toEqual(refusedAnswer); // RequestThrottler
    env.clock.advance(1800);
    for (let i = 0; i < 4; i++) expect(statusAndBody(await attempt('wrong-password'))).toEqual(refusedAnswer);
    // The throttler has counted 4 of its 6 again; the customer has 10 wrong passwords: locked (and this
    // refusal is the throttler's 5th failure, as every refusal of CustomerTokenService is).
    expect(statusAndBody(await attempt('Right123!'))).toEqual(refusedAnswer);
    env.clock.advance(600);
    expect((await attempt('Right123!')).status).toBe(200);
  });

  it('customerLockoutFailures is a setting: with the throttler out of the way, 3 wrong passwords lock', async () => {
    const email = `setting-${version}@example.com`;
    await createCustomer(env.sandbox, { email, password: 'Right123!' });
    await env.sandbox.admin.updateSettings({ lockoutMaxFailures: 100, customerLockoutFailures: 3 });
    try {
      const attempt = (password: string) =>
        postRest(env.sandbox, 'V1/integration/customer/token', { username: email, password });
      for (let i = 0; i < 2; i++) await attempt('wrong-password');
      expect((await attempt('Right123!')).status).toBe(200); // a success unlocks and resets the count
      for (let i = 0; i < 3; i++) await attempt('wrong-password');
      expect((await attempt('Right123!')).status).toBe(401);
      env.clock.advance(600);
      expect((await attempt('Right123!')).status).toBe(200);
    } finally {
      await env.sandbox.admin.updateSettings({ lockoutMaxFailures: 6, customerLockoutFailures: 10 });
    }
  });
});

describe('an unknown version', () => {
  it('is refused before anything starts, naming the supported versions', async () => {
    await expect(startSandbox({ magentoVersion: '2.4.5' as MagentoVersion })).rejects.toThrow(
      'Unknown Magento version "2.4.5": the sandbox has profiles of 2.4.6-p1, 2.4.7, 2.4.8 (default 2.4.8).',
    );
  });
});
