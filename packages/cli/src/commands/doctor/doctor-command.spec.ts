import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { runInProcess } from '../../testing/fake-io';

const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";

describe('magekit doctor (in process, against a fake Magento on loopback)', () => {
  let fake: FakeMagentoServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    fake = await startFakeMagento();
    fake.route('GET', '/magento_version', () => ({ body: 'Magento/2.4 (Community)' }));
    fake.route('GET', '/rest/V1/magekit-doctor-no-such-route', () => ({
      status: 404,
      json: { message: 'Request does not match any route.' },
    }));
    const refuse = (resources: string) => ({
      status: 401,
      json: { message: NOT_AUTHORIZED, parameters: { resources } },
    });
    fake.route('GET', '/rest/V1/store/storeViews', (request) =>
      request.oauth?.valid ? { json: [] } : refuse('Magento_Backend::store'),
    );
    fake.route('GET', /^\/rest\/V1\/products/, (request) =>
      request.oauth?.valid
        ? { status: 400, json: { message: 'Maximum SearchCriteria pageSize is %max', parameters: { max: 300 } } }
        : refuse('Magento_Catalog::products'),
    );
    fake.route('GET', '/rest/V1/orders', () => refuse('Magento_Sales::actions_view'));
    const { consumerKey, consumerSecret, accessToken, accessTokenSecret } = fake.credentials;
    env = {
      MAGEKIT_CONSUMER_KEY: consumerKey,
      MAGEKIT_CONSUMER_SECRET: consumerSecret,
      MAGEKIT_TOKEN: accessToken,
      MAGEKIT_TOKEN_SECRET: accessTokenSecret,
    };
  });
  afterAll(() => fake.close());

  it('prints the JSON report and exits 0 when no check fails; no secret in the output', async () => {
    const { code, stdout, stderr } = await runInProcess(['doctor', fake.baseUrl, '--json'], '', env);
    const report = JSON.parse(stdout) as {
      store: string;
      version: { magento: string | null; sandboxProfile: string | null; url: string };
      checks: Array<{ name: string; status: string; finding: string; hint: string | null; details: object }>;
    };
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(Object.keys(report)).toEqual(['store', 'version', 'checks']);
    expect(report.store).toBe(fake.baseUrl);
    expect(report.version).toEqual({
      magento: 'Magento/2.4 (Community)',
      sandboxProfile: null,
      url: `${fake.baseUrl}magento_version`,
    });
    expect(report.checks.map((check) => `${check.name}:${check.status}`)).toEqual([
      'reachability:pass',
      'signature-profile:pass',
      'clock-skew:pass',
      'authorization-header:pass',
      'encoded-slash:pass',
      'page-size:pass',
      'resources:skipped',
    ]);
    expect(Object.keys(report.checks[0]).sort()).toEqual(['details', 'finding', 'hint', 'name', 'status']);
    for (const secret of [env.MAGEKIT_CONSUMER_SECRET, env.MAGEKIT_TOKEN, env.MAGEKIT_TOKEN_SECRET])
      expect(stdout).not.toContain(secret);
  });

  it('exits 1 when a check fails, after printing the table', async () => {
    const { code, stdout, stderr } = await runInProcess(
      ['doctor', fake.baseUrl, '--resources', 'Magento_Sales::actions_view'],
      '',
      env,
    );
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^magekit doctor http:\/\/127\.0\.0\.1:\d+\/\n/);
    expect(stdout).toMatch(
      /\nFAIL {2}resources +0 of 1 GET calls allowed; 1 refused by the ACL \(Magento_Sales::actions_view \(GET \/V1\/orders\)\)\n +hint: Grant Magento_Sales::actions_view/,
    );
    expect(stdout).toMatch(/\d passed, \d warnings, 1 failed, 0 skipped\n$/);
  });

  it.each([
    [['doctor', 'not a url'], 'INVALID_INPUT'],
    [['doctor', 'http://127.0.0.1:9/', '--consumer-key', 'k'], 'MISSING_OPTION'],
    [['doctor', 'http://127.0.0.1:9/', '--calls', 'no-such-calls-file.txt'], 'FILE_NOT_FOUND'],
    [['doctor', 'http://127.0.0.1:9/', '--resources', 'products'], 'INVALID_INPUT'],
    [['doctor', 'http://127.0.0.1:9/', '--timeout', 'soon'], 'INVALID_INPUT'],
  ])('exits 2 for bad input %j (%s), printing nothing on stdout', async (argv, code) => {
    const result = await runInProcess(argv, '', {});
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`[${code}]`);
  });
});

describe('magekit doctor for Adobe Commerce as a Cloud Service (in process)', () => {
  const SECRET = 'p8e-doctor-secret-never-printed';
  let server: Server;
  let origin: string;
  const seen: string[] = [];
  beforeAll(async () => {
    // A tenant behind Adobe's gateway that no token gets through, as a call without a credential sees it.
    server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      response
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error_code: '401013', message: 'Oauth token is not valid' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('--edition saas without a credential: the edition in the JSON, the token checks skipped with what to pass; exit 0', async () => {
    const { code, stdout, stderr } = await runInProcess(
      ['doctor', `${origin}/tenant-1/`, '--edition', 'saas', '--json'],
      '',
      { MAGEKIT_CONSUMER_KEY: 'ignored-on-saas' },
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout) as {
      edition: string;
      saas: Record<string, unknown>;
      checks: Array<{ name: string; status: string; hint: string | null }>;
    };
    expect(Object.keys(report)).toEqual(['store', 'edition', 'saas', 'version', 'checks']);
    expect(report.edition).toBe('saas');
    expect(report.saas).toEqual({
      tenantId: 'tenant-1',
      region: null,
      environment: null,
      restBaseUrl: `${origin}/tenant-1/`,
      recognisedFrom: '--edition',
    });
    expect(report.checks.map((check) => `${check.name}:${check.status}`)).toEqual([
      'reachability:pass',
      'ims-token:skipped',
      'authenticated-call:skipped',
      'signature-profile:skipped',
      'clock-skew:pass',
      'authorization-header:skipped',
      'encoded-slash:skipped',
      'page-size:skipped',
      'resources:skipped',
    ]);
    expect(report.checks[1].hint).toContain('--ims-client-id');
    expect(seen).toEqual(['GET /tenant-1/V1/store/storeConfigs']);
  });

  it('prints the edition line and the table', async () => {
    const { code, stdout } = await runInProcess(['doctor', `${origin}/tenant-1/`, '--edition', 'saas'], '', {});
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      `magekit doctor ${origin}/tenant-1/`,
      'edition: Adobe Commerce as a Cloud Service (SaaS), tenant tenant-1 (declared with --edition saas)',
      'version: not asked (Adobe keeps Adobe Commerce as a Cloud Service up to date; its API host has no /magento_version)',
      '',
    ]);
    expect(stdout).toContain(
      'SKIP  signature-profile     not applicable: Adobe Commerce as a Cloud Service has no OAuth 1.0a integrations',
    );
  });

  it.each([
    [
      ['doctor', 'https://na1.api.commerce.adobe.com/'],
      'INVALID_INPUT',
      'Not an Adobe Commerce as a Cloud Service base URL',
    ],
    [['doctor', 'http://127.0.0.1:9/t/', '--edition', 'cloud'], 'INVALID_INPUT', '--edition must be one of paas, saas'],
    [
      ['doctor', 'http://127.0.0.1:9/t/', '--edition', 'saas', '--index-php'],
      'INVALID_INPUT',
      '--index-php does not apply',
    ],
    [
      ['doctor', 'http://127.0.0.1:9/t/', '--edition', 'saas', '--store', 'no/such'],
      'INVALID_INPUT',
      'Not a Magento store code',
    ],
    [
      ['doctor', 'https://na1.api.commerce.adobe.com/T1/', '--consumer-key', 'k', '--token', 't'],
      'INVALID_INPUT',
      'has no OAuth 1.0a integrations: --consumer-key, --token do not apply.',
    ],
    [
      ['doctor', 'http://127.0.0.1:9/', '--ims-client-id', 'c'],
      'INVALID_INPUT',
      '--ims-client-id is for Adobe Commerce',
    ],
    [
      ['doctor', 'https://na1.api.commerce.adobe.com/T1/', '--ims-client-id', 'c'],
      'MISSING_OPTION',
      'The IMS client secret is missing',
    ],
    [
      ['doctor', 'https://na1.api.commerce.adobe.com/T1/', '--ims-org-id', 'O@AdobeOrg'],
      'MISSING_OPTION',
      '--ims-client-id is missing',
    ],
    [
      [
        'doctor',
        'https://na1.api.commerce.adobe.com/T1/',
        '--ims-client-id',
        'c',
        '--ims-token-url',
        'http://ims.example.com/',
      ],
      'INVALID_INPUT',
      'tokenUrl must be an https URL',
    ],
  ])('exits 2 for bad SaaS input %j (%s), nothing sent, no secret shown', async (argv, code, message) => {
    const before = seen.length;
    // The secret is set for every case but the one about its absence.
    const env = message.startsWith('The IMS client secret') ? {} : { MAGEKIT_IMS_CLIENT_SECRET: SECRET };
    const result = await runInProcess(argv, '', env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`[${code}]`);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain(SECRET);
    expect(seen).toHaveLength(before);
  });
});
