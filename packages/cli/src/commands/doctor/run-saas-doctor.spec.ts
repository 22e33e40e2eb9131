import { loadStockModel } from '@magekit/acl';
import { IMS_COMMERCE_SCOPES, type FetchLike } from '@magekit/client';
import { createFakeSaasFetch, type FakeFetchHandler, type FakeSaasFetch } from '@magekit/client/testing';
import type { CheckName, DoctorReport } from './doctor-check';
import type { DoctorImsCredentials } from './ims-credentials';
import { planCallProbes } from './plan-resource-probes';
import { runSaasDoctor, type SaasDoctorInput } from './run-saas-doctor';
import { readSaasTarget } from './saas-target';

const CLIENT_ID = 'doctor-client';
const SECRET = 'p8e-doctor-secret-never-printed';
const GATEWAY_401 = { error_code: '401013', message: 'Oauth token is not valid' };
const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";

function jwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.c2ln`;
}

interface TenantOptions {
  /** ACL resources of the credential. */
  granted?: string[];
  /** Store clock − real clock, ms. */
  clockOffsetMs?: number;
  /** The tenant refuses every token (another organization's credential, say). */
  refuseTokens?: boolean;
}

/**
 * IMS and a tenant behind Adobe's gateway, on the client's fake fetch: tokens for the one secret
 * (JWTs with IMS's scope claim), the gateway's 401 for anything else, then Magento's routes with the
 * ACL's 403, and a `Date` header on every answer.
 */
function startTenant(options: TenantOptions = {}): { fake: FakeSaasFetch; fetch: FetchLike; issued: string[] } {
  const fake = createFakeSaasFetch();
  const issued: string[] = [];
  fake.onToken((request) => {
    const form = new URLSearchParams(request.body);
    if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== SECRET)
      return { status: 401, json: { error: 'invalid_client', error_description: 'invalid client_secret parameter' } };
    const token = jwt({ type: 'access_token', client_id: CLIENT_ID, scope: form.get('scope'), n: issued.length });
    issued.push(token);
    return { json: { access_token: token, token_type: 'bearer', expires_in: 86399 } };
  });
  const granted = options.granted ?? ['Magento_Backend::store', 'Magento_Catalog::products'];
  const gate =
    (resource: string, answer: FakeFetchHandler): FakeFetchHandler =>
    (request) => {
      const known = request.bearerToken !== null && issued.includes(request.bearerToken);
      if (!known || options.refuseTokens || request.headers['x-api-key'] !== CLIENT_ID)
        return { status: 401, json: GATEWAY_401 };
      if (!granted.includes(resource))
        return { status: 403, json: { message: NOT_AUTHORIZED, parameters: { resources: resource } } };
      return answer(request);
    };
  fake.route(
    'GET',
    '/V1/store/storeConfigs',
    gate('Magento_Backend::store', () => ({ json: [{ id: 1, code: 'default' }] })),
  );
  fake.route(
    'GET',
    '/V1/products/magekit-doctor%2Fno-such-sku',
    gate('Magento_Catalog::products', () => ({
      status: 404,
      json: { message: "The product that was requested doesn't exist. Verify the product and try again." },
    })),
  );
  fake.route(
    'GET',
    '/V1/products',
    gate('Magento_Catalog::products', () => ({ json: { items: [], total_count: 0 } })),
  );
  fake.route(
    'GET',
    '/V1/orders',
    gate('Magento_Sales::actions_view', () => ({ json: { items: [] } })),
  );
  const fetch: FetchLike = async (url, init) => {
    const answer = await fake.fetch(url, init);
    const headers = new Headers(answer.headers);
    headers.set('date', new Date(Date.now() + (options.clockOffsetMs ?? 0)).toUTCString());
    return new Response((await answer.text()) || null, { status: answer.status, headers });
  };
  return { fake, fetch, issued };
}

function credentials(fake: FakeSaasFetch, overrides: Partial<DoctorImsCredentials> = {}): DoctorImsCredentials {
  return {
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    orgId: 'ORG0000000000000000000001@AdobeOrg',
    tokenUrl: fake.tokenUrl,
    scopes: [...IMS_COMMERCE_SCOPES],
    ...overrides,
  };
}

function input(fake: FakeSaasFetch, overrides: Partial<SaasDoctorInput> = {}): SaasDoctorInput {
  const target = readSaasTarget(fake.baseUrl, undefined);
  if (target === null) throw new Error('not a SaaS URL');
  return { storeUrl: fake.baseUrl, target, credentials: credentials(fake), probes: null, ...overrides };
}

const run = (fetch: FetchLike, doctorInput: SaasDoctorInput) =>
  runSaasDoctor(doctorInput, { fetch, clock: () => Date.now(), timeoutMs: 5000 });

function statuses(report: DoctorReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((check) => [check.name, check.status]));
}

function check(report: DoctorReport, name: CheckName) {
  const found = report.checks.find((entry) => entry.name === name);
  if (!found) throw new Error(`no ${name} check`);
  return found;
}

describe('runSaasDoctor against a fake IMS and tenant', () => {
  it('with a credential: the checks that apply pass, the PaaS-only ones are not applicable; no secret or token shown', async () => {
    const { fake, fetch, issued } = startTenant();
    const report = await run(fetch, input(fake, { store: 'default' }));
    expect(report.checks.map((entry) => `${entry.name}:${entry.status}`)).toEqual([
      'reachability:pass',
      'ims-token:pass',
      'authenticated-call:pass',
      'signature-profile:skipped',
      'clock-skew:pass',
      'authorization-header:skipped',
      'encoded-slash:pass',
      'page-size:pass',
      'resources:skipped',
    ]);
    expect(report).toMatchObject({
      store: fake.baseUrl,
      edition: 'saas',
      saas: { tenantId: 'T3nant0000000000000001', region: 'na1', recognisedFrom: 'url' },
      version: { magento: null, sandboxProfile: null },
    });
    expect(check(report, 'ims-token').finding).toContain('its scopes include commerce.accs');
    expect(check(report, 'clock-skew').details['source']).toBe('authenticated call');
    expect(fake.tokenRequests()).toHaveLength(1);
    const [unauthenticated, ...authenticated] = fake.storeRequests();
    expect(unauthenticated.bearerToken).toBeNull();
    expect(authenticated.map((request) => request.headers)).toEqual(
      authenticated.map(() =>
        expect.objectContaining({
          authorization: `Bearer ${issued[0]}`,
          'x-api-key': CLIENT_ID,
          'x-gw-ims-org-id': 'ORG0000000000000000000001@AdobeOrg',
          store: 'default',
        }),
      ),
    );
    expect(authenticated.map((request) => request.url.slice(fake.baseUrl.length).split('?')[0])).toEqual([
      'V1/store/storeConfigs',
      'V1/products/magekit-doctor%2Fno-such-sku',
      'V1/products',
    ]);
    const shown = JSON.stringify(report);
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain(issued[0]);
  });

  it('without a credential: reachability and the clock from the gateway, the token checks skipped with what to pass', async () => {
    const { fake, fetch } = startTenant({ clockOffsetMs: 120_000 });
    const report = await run(fetch, input(fake, { credentials: null }));
    expect(statuses(report)).toEqual({
      reachability: 'pass',
      'ims-token': 'skipped',
      'authenticated-call': 'skipped',
      'signature-profile': 'skipped',
      'clock-skew': 'warn',
      'authorization-header': 'skipped',
      'encoded-slash': 'skipped',
      'page-size': 'skipped',
      resources: 'skipped',
    });
    expect(check(report, 'reachability').finding).toContain('HTTP 401 "Oauth token is not valid"');
    expect(check(report, 'clock-skew').details).toMatchObject({ source: "gateway's 401" });
    expect(check(report, 'ims-token').hint).toContain('--ims-client-id');
    expect(fake.requests).toHaveLength(1);
  });

  it('a wrong secret: the typed IMS error and its hint, nothing sent with a token, the secret nowhere', async () => {
    const { fake, fetch } = startTenant();
    const report = await run(fetch, input(fake, { credentials: credentials(fake, { clientSecret: 'p8e-wrong-one' }) }));
    expect(statuses(report)).toMatchObject({
      reachability: 'pass',
      'ims-token': 'fail',
      'authenticated-call': 'skipped',
      'clock-skew': 'pass',
      'encoded-slash': 'skipped',
      'page-size': 'skipped',
      resources: 'skipped',
    });
    expect(check(report, 'ims-token').finding).toContain('[IMS_CLIENT_REJECTED]');
    expect(check(report, 'ims-token').hint).toContain('Developer Console');
    expect(check(report, 'authenticated-call').finding).toBe('not checked: no IMS token (see ims-token)');
    expect(fake.storeRequests()).toHaveLength(1);
    expect(JSON.stringify(report)).not.toContain('p8e-wrong-one');
  });

  it("a token the tenant refuses: the authenticated call fails with Adobe's list, the calls after it are skipped", async () => {
    const { fake, fetch } = startTenant({ refuseTokens: true });
    const report = await run(fetch, input(fake));
    expect(statuses(report)).toMatchObject({
      'ims-token': 'pass',
      'authenticated-call': 'fail',
      'encoded-slash': 'skipped',
      'page-size': 'skipped',
    });
    expect(check(report, 'authenticated-call').hint).toContain('organization');
    expect(check(report, 'clock-skew').details['source']).toBe('authenticated call');
  });

  it('an unknown tenant: reachability fails and nothing else is asked, IMS included', async () => {
    const fake = createFakeSaasFetch();
    const asked: string[] = [];
    const fetch: FetchLike = async (url) => {
      asked.push(url);
      return new Response('{"message":"Cannot GET /x/V1/store/storeConfigs"}', { status: 404 });
    };
    const report = await run(fetch, input(fake));
    expect(check(report, 'reachability').status).toBe('fail');
    expect(check(report, 'reachability').finding).toContain('no tenant answers at this base');
    expect(report.version).toBeNull();
    expect(report.checks.filter((entry) => entry.status === 'skipped')).toHaveLength(8);
    expect(asked).toEqual([`${fake.baseUrl}V1/store/storeConfigs`]);
  });

  it('resources: the ACL refusal is a 403 on SaaS, missing families are listed unsent, the hint names the credential', async () => {
    const { fake, fetch } = startTenant({ granted: ['Magento_Backend::store'] });
    const probes = planCallProbes(loadStockModel(), [
      { method: 'GET', path: '/V1/orders' },
      { method: 'GET', path: '/V1/store/storeConfigs' },
      { method: 'GET', path: '/V1/customers/me' },
    ]);
    const report = await run(fetch, input(fake, { probes }));
    expect(statuses(report)).toMatchObject({ 'encoded-slash': 'pass', 'page-size': 'skipped', resources: 'fail' });
    expect(check(report, 'encoded-slash').finding).toContain('its ACL asked for Magento_Catalog::products');
    const resources = check(report, 'resources');
    expect(resources.finding).toBe(
      '1 of 2 GET calls allowed; 1 refused by the ACL (GET /V1/orders); 1 not checked (GET /V1/customers/me: Adobe Commerce as a Cloud Service has no such route: the customer REST API (customers/me))',
    );
    expect(resources.hint).toContain("Grant Magento_Sales::actions_view to the IMS credential's technical account");
    expect(fake.storeRequests().some((request) => request.path.endsWith('/customers/me'))).toBe(false);
  });
});
