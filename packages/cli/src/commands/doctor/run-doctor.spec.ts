import { loadStockModel } from '@magekit/acl';
import {
  startFakeMagento,
  type FakeMagentoOptions,
  type FakeMagentoServer,
  type FakeRequest,
  type FakeResponse,
} from '@magekit/client/testing';
import { hasFailure, type CheckName, type DoctorReport } from './doctor-check';
import { planCallProbes } from './plan-resource-probes';
import { runDoctor, type DoctorInput } from './run-doctor';
import type { ProbeDeps } from './store-probe';

const deps: ProbeDeps = { fetch: (url, init) => fetch(url, init), clock: () => Date.now(), timeoutMs: 5000 };
const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";

/** Routes of a Magento store for the doctor's probes: routing, the integration's ACL, the page-size limit. */
function serveLikeMagento(fake: FakeMagentoServer, granted: string[], maxPageSize = 300): void {
  const guarded = (resource: string, answer: (request: FakeRequest) => FakeResponse) => (request: FakeRequest) =>
    request.oauth?.valid && granted.includes(resource)
      ? answer(request)
      : { status: 401, json: { message: NOT_AUTHORIZED, parameters: { resources: resource } } };
  fake.route('GET', '/magento_version', () => ({ body: 'Magento/2.4 (Community)' }));
  fake.route('GET', /^\/rest\/V1\/magekit-doctor-no-such-route$/, () => ({
    status: 404,
    json: { message: 'Request does not match any route.' },
  }));
  fake.route(
    'GET',
    '/rest/V1/store/storeViews',
    guarded('Magento_Backend::store', () => ({ json: [{ id: 1, code: 'default' }] })),
  );
  fake.route(
    'GET',
    '/rest/V1/products/magekit-doctor%2Fno-such-sku',
    guarded('Magento_Catalog::products', () => ({
      status: 404,
      json: { message: "The product that was requested doesn't exist. Verify the product and try again." },
    })),
  );
  fake.route(
    'GET',
    '/rest/V1/products',
    guarded('Magento_Catalog::products', (request) => {
      const size = Number(/searchCriteria%5BpageSize%5D=(\d+)/.exec(request.query ?? '')?.[1]);
      return size > maxPageSize
        ? {
            status: 400,
            json: { message: 'Maximum SearchCriteria pageSize is %max', parameters: { max: maxPageSize } },
          }
        : { json: { items: [], total_count: 0 } };
    }),
  );
  fake.route(
    'GET',
    '/rest/V1/orders',
    guarded('Magento_Sales::actions_view', () => ({ json: { items: [], total_count: 0 } })),
  );
}

function statuses(report: DoctorReport): Record<CheckName, string> {
  return Object.fromEntries(report.checks.map((check) => [check.name, check.status])) as Record<CheckName, string>;
}

function check(report: DoctorReport, name: CheckName) {
  const found = report.checks.find((entry) => entry.name === name);
  if (!found) throw new Error(`no ${name} check`);
  return found;
}

describe('runDoctor against a fake Magento on loopback (signatures verified as Magento does)', () => {
  let fake: FakeMagentoServer;
  const start = async (options: FakeMagentoOptions, granted: string[], maxPageSize?: number) => {
    fake = await startFakeMagento(options);
    serveLikeMagento(fake, granted, maxPageSize);
    return fake;
  };
  const input = (overrides: Partial<DoctorInput> = {}): DoctorInput => ({
    baseUrl: fake.baseUrl,
    scope: {},
    credentials: { ...fake.credentials },
    probes: null,
    ...overrides,
  });
  afterEach(async () => {
    fake.assertDone();
    await fake.close();
  });

  it('a healthy current-line store: every check passes but the refused call', async () => {
    await start({ profile: 'latest' }, ['Magento_Backend::store', 'Magento_Catalog::products']);
    const probes = planCallProbes(loadStockModel(), [
      { method: 'GET', path: '/V1/store/storeViews' },
      { method: 'GET', path: '/V1/orders' },
      { method: 'PUT', path: '/V1/products/:sku' },
    ]);
    const report = await runDoctor(input({ probes }), deps);
    expect(statuses(report)).toEqual({
      reachability: 'pass',
      'signature-profile': 'pass',
      'clock-skew': 'pass',
      'authorization-header': 'pass',
      'encoded-slash': 'pass',
      'page-size': 'pass',
      resources: 'fail',
    });
    expect(report.checks.map((entry) => entry.name)).toEqual([
      'reachability',
      'signature-profile',
      'clock-skew',
      'authorization-header',
      'encoded-slash',
      'page-size',
      'resources',
    ]);
    expect(check(report, 'signature-profile').details['profile']).toBe('latest');
    expect(check(report, 'encoded-slash').finding).toContain('ACL asked for Magento_Catalog::products');
    expect(check(report, 'page-size').details['maxPageSize']).toBe(300);
    expect(check(report, 'resources').finding).toBe(
      '1 of 2 GET calls allowed; 1 refused by the ACL (GET /V1/orders); 1 non-GET call not sent (it needs Magento_Catalog::products)',
    );
    expect(hasFailure(report)).toBe(true);
    expect(fake.requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('a 2.4.4–2.4.6 store 900 s behind: laminas found (the client re-signs with the store clock), the clock fails', async () => {
    await start(
      { profile: 'laminas', clock: () => Date.now() - 900_000 },
      ['Magento_Backend::store', 'Magento_Catalog::products'],
      100,
    );
    const report = await runDoctor(input(), deps);
    expect(statuses(report)).toMatchObject({
      'signature-profile': 'pass',
      'clock-skew': 'fail',
      'page-size': 'warn',
      resources: 'skipped',
    });
    expect(check(report, 'signature-profile').details['profile']).toBe('laminas');
    expect(check(report, 'clock-skew').details['skewSeconds']).toBeLessThanOrEqual(-899);
    expect(check(report, 'page-size').hint).toContain('maxPageSize: 100');
    expect(fake.requests.some((request) => request.oauth?.code === 'MAGENTO_NONCE_REJECTED')).toBe(true);
  });

  it('wrong secrets: invalid with both profiles, the signed checks after it skipped', async () => {
    await start({}, ['Magento_Backend::store']);
    const report = await runDoctor(
      input({ credentials: { ...fake.credentials, consumerSecret: 'x'.repeat(32) } }),
      deps,
    );
    expect(statuses(report)).toMatchObject({
      'signature-profile': 'fail',
      'page-size': 'skipped',
      resources: 'skipped',
    });
    expect(check(report, 'signature-profile').finding).toBe(
      'the signature is invalid with both profiles (latest and laminas)',
    );
  });

  it('without credentials only the unsigned checks run', async () => {
    await start({}, []);
    const report = await runDoctor(input({ credentials: null }), deps);
    expect(statuses(report)).toEqual({
      reachability: 'pass',
      'signature-profile': 'skipped',
      'clock-skew': 'pass',
      'authorization-header': 'pass',
      'encoded-slash': 'pass',
      'page-size': 'skipped',
      resources: 'skipped',
    });
    expect(check(report, 'page-size').hint).toContain('MAGEKIT_CONSUMER_KEY');
    expect(fake.requests).toHaveLength(4);
    expect(report.version).toEqual({
      magento: 'Magento/2.4 (Community)',
      sandboxProfile: null,
      url: `${fake.baseUrl}magento_version`,
    });
  });

  it('a web server page instead of Magento: reachability fails, the rest is not checked', async () => {
    fake = await startFakeMagento();
    fake.route('GET', /.*/, () => ({ status: 404, body: '<html><h1>Not Found</h1></html>' }));
    const report = await runDoctor(input({ credentials: null }), deps);
    expect(check(report, 'reachability').status).toBe('fail');
    expect(report.checks.filter((entry) => entry.status === 'skipped')).toHaveLength(6);
    expect(fake.requests).toHaveLength(1);
    expect(report.version).toBeNull();
  });
});

describe('runDoctor without a store', () => {
  it('fails reachability on a refused connection', async () => {
    const report = await runDoctor(
      { baseUrl: 'http://127.0.0.1:9/', scope: {}, credentials: null, probes: null },
      deps,
    );
    expect(check(report, 'reachability').status).toBe('fail');
    expect(check(report, 'reachability').finding).toContain(
      'no HTTP answer from http://127.0.0.1:9/rest/V1/magekit-doctor-no-such-route',
    );
  });
});
