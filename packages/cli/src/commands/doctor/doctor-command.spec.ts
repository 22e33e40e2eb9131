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
