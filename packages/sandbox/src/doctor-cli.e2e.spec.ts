import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const BIN = resolve(__dirname, '..', '..', '..', 'packages', 'cli', 'bin', 'magekit.js');
const ADMIN_TOKEN = 'doctor-test-token';
const run = promisify(execFile);

interface Check {
  name: string;
  status: 'pass' | 'warn' | 'fail' | 'skipped';
  finding: string;
  hint: string | null;
  details: Record<string, unknown>;
}

/** Starts `magekit sandbox start` (and `extraArgs`) and resolves with its base URL once it prints it. */
function startFromCli(dataDir: string, extraArgs: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'sandbox',
      'start',
      '--port',
      '0',
      '--data',
      dataDir,
      '--seed-products',
      '20',
      '--admin-token',
      ADMIN_TOKEN,
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolveStart, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+\/)/.exec(output);
      if (match) resolveStart({ child, url: match[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${output}`)));
  });
}

/** Runs the built bin; resolves with exit code and output whatever the code. */
async function runBin(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each test runs the built bin (a node start per call) while every project tests in parallel on 2 cores.
jest.setTimeout(60_000);

describe('magekit doctor (built bin) against the sandbox store, with its faults switched on through the admin API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'magekit-doctor-e2e-'));
  const callsFile = join(dir, 'calls.txt');
  let sandbox: Awaited<ReturnType<typeof startFromCli>>;
  let credentials: Record<string, string>;
  let productsImplemented: boolean;

  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}sandbox/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`admin ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const setStore = (settings: Record<string, unknown>) => admin('PUT', '/stores/default/settings', settings);
  const noCredentials = {
    MAGEKIT_CONSUMER_KEY: '',
    MAGEKIT_CONSUMER_SECRET: '',
    MAGEKIT_TOKEN: '',
    MAGEKIT_TOKEN_SECRET: '',
  };
  const doctorJson = async (args: string[], env: Record<string, string> = credentials) => {
    const result = await runBin(['doctor', sandbox.url, '--json', ...args], env);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as {
      store: string;
      version: { magento: string | null; sandboxProfile: string | null; url: string } | null;
      checks: Check[];
    };
    const byName = Object.fromEntries(report.checks.map((check) => [check.name, check])) as Record<string, Check>;
    const statuses = Object.fromEntries(report.checks.map((check) => [check.name, check.status]));
    return { code: result.code, report, byName, statuses, stdout: result.stdout };
  };

  beforeAll(async () => {
    sandbox = await startFromCli(join(dir, 'data'));
    const created = await runBin([
      'sandbox',
      'integration',
      'create',
      '--url',
      sandbox.url,
      '--name',
      'doctor',
      '--resources',
      'Magento_Backend::store,Magento_Catalog::products',
      '--admin-token',
      ADMIN_TOKEN,
      '--json',
    ]);
    const tokens = JSON.parse(created.stdout) as {
      consumerKey: string;
      consumerSecret: string;
      accessToken: string;
      accessTokenSecret: string;
    };
    credentials = {
      MAGEKIT_CONSUMER_KEY: tokens.consumerKey,
      MAGEKIT_CONSUMER_SECRET: tokens.consumerSecret,
      MAGEKIT_TOKEN: tokens.accessToken,
      MAGEKIT_TOKEN_SECRET: tokens.accessTokenSecret,
    };
    productsImplemented = ((await admin('GET', '/routes'))['implemented'] as string[]).includes('GET /V1/products');
    writeFileSync(
      callsFile,
      '# what the integration does\nGET /V1/store/storeViews\nGET /rest/default/V1/store/websites\nPUT /V1/products/:sku\n',
    );
  }, 60_000);
  afterEach(() =>
    setStore({ stripAuthorization: false, clockOffsetSeconds: 0, signatureProfile: 'latest', maxPageSize: 300 }),
  );
  afterAll(() => {
    sandbox?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('default settings: every check passes but what the sandbox does not implement; exit 0', async () => {
    const { code, report, byName, statuses } = await doctorJson(['--calls', callsFile]);
    expect(code).toBe(0);
    expect(report.store).toBe(sandbox.url);
    expect(report.version).toEqual({
      magento: 'Magento/2.4 (Community)',
      sandboxProfile: '2.4.8',
      url: `${sandbox.url}magento_version`,
    });
    expect(statuses).toEqual({
      reachability: 'pass',
      'signature-profile': 'pass',
      'clock-skew': 'pass',
      'authorization-header': 'pass',
      'encoded-slash': 'pass',
      'page-size': productsImplemented ? 'pass' : 'skipped',
      resources: 'pass',
    });
    expect(byName['reachability'].finding).toContain('HTTP 404 "Request does not match any route."');
    expect(byName['signature-profile'].details['profile']).toBe('latest');
    expect(byName['authorization-header'].finding).toContain('The "2.0" Oauth version isn\'t supported.');
    expect(byName['encoded-slash'].details['path']).toBe('/V1/products/magekit-doctor%2Fno-such-sku');
    if (productsImplemented) expect(byName['page-size'].details['maxPageSize']).toBe(300);
    else
      expect(byName['page-size'].finding).toBe('not checked: the store does not implement GET /V1/products (HTTP 501)');
    expect(byName['resources'].finding).toBe(
      'all 2 GET calls allowed; 1 non-GET call not sent (it needs Magento_Catalog::products)',
    );
  }, 30_000);

  it('prints a table by default, with credentials from flags, and never a secret', async () => {
    const flags = [
      '--consumer-key',
      credentials.MAGEKIT_CONSUMER_KEY,
      '--consumer-secret',
      credentials.MAGEKIT_CONSUMER_SECRET,
      '--token',
      credentials.MAGEKIT_TOKEN,
      '--token-secret',
      credentials.MAGEKIT_TOKEN_SECRET,
    ];
    const { code, stdout, stderr } = await runBin(['doctor', sandbox.url, ...flags], noCredentials);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      `magekit doctor ${sandbox.url}`,
      'version: Magento/2.4 (Community) (GET /magento_version); a magekit sandbox store with the 2.4.8 profile (X-Magekit-Sandbox-Version)',
      '',
      expect.stringMatching(/^PASS {2}reachability {10}Magento's REST front controller answered in \d+ ms/),
    ]);
    expect(stdout).toContain('PASS  signature-profile     the store verifies signatures with the latest profile');
    for (const secret of [
      credentials.MAGEKIT_CONSUMER_SECRET,
      credentials.MAGEKIT_TOKEN,
      credentials.MAGEKIT_TOKEN_SECRET,
    ])
      expect(stdout + stderr).not.toContain(secret);
  }, 30_000);

  it('stripAuthorization: the header check fails with the web-server fix, the signed checks are skipped; exit 1', async () => {
    await setStore({ stripAuthorization: true });
    const { code, byName, statuses } = await doctorJson([]);
    expect(code).toBe(1);
    expect(statuses).toMatchObject({
      reachability: 'pass',
      'authorization-header': 'fail',
      'signature-profile': 'skipped',
      'page-size': 'skipped',
      resources: 'skipped',
      'encoded-slash': 'pass',
    });
    expect(byName['authorization-header'].finding).toContain(
      'answered as a guest (HTTP 401 "The consumer isn\'t authorized to access Magento_Backend::store.")',
    );
    expect(byName['authorization-header'].hint).toContain('SetEnvIf Authorization "(.*)" HTTP_AUTHORIZATION=$1');
  }, 30_000);

  it('clockOffsetSeconds 900 (store ahead): a warning, signed calls still pass; exit 0', async () => {
    await setStore({ clockOffsetSeconds: 900 });
    const { code, byName, statuses } = await doctorJson([]);
    expect(code).toBe(0);
    expect(statuses).toMatchObject({ 'clock-skew': 'warn', 'signature-profile': 'pass' });
    expect(byName['clock-skew'].details['skewSeconds']).toBeGreaterThanOrEqual(898);
    expect(byName['clock-skew'].details['skewSeconds']).toBeLessThanOrEqual(901);
    expect(byName['clock-skew'].finding).toContain('ahead of this machine');
  }, 30_000);

  it('clockOffsetSeconds -900 (store behind): the clock check fails with the nonce message; exit 1', async () => {
    await setStore({ clockOffsetSeconds: -900 });
    const { code, byName, statuses } = await doctorJson([]);
    expect(code).toBe(1);
    expect(statuses).toMatchObject({ 'clock-skew': 'fail', 'signature-profile': 'pass' });
    expect(byName['clock-skew'].finding).toContain('An error occurred validating the nonce');
    expect(byName['clock-skew'].details['skewSeconds']).toBeLessThanOrEqual(-899);
  }, 30_000);

  it('signatureProfile laminas: the store is found to run 2.4.4–2.4.6; exit 0', async () => {
    await setStore({ signatureProfile: 'laminas' });
    const { code, byName } = await doctorJson(['--calls', callsFile]);
    expect(code).toBe(0);
    expect(byName['signature-profile'].status).toBe('pass');
    expect(byName['signature-profile'].details['profile']).toBe('laminas');
    expect(byName['signature-profile'].finding).toContain('Magento 2.4.4 – 2.4.6');
    expect(byName['signature-profile'].details['outcomes']).toEqual({ latest: 'invalid', laminas: 'accepted' });
    expect(byName['resources'].status).toBe('pass');
  }, 30_000);

  it('page-size: the limit from the store, or "not checked" while GET /V1/products is not implemented', async () => {
    await setStore({ maxPageSize: 100 });
    const { byName } = await doctorJson([]);
    if (productsImplemented) {
      expect(byName['page-size'].status).toBe('warn');
      expect(byName['page-size'].details['maxPageSize']).toBe(100);
      expect(byName['page-size'].hint).toContain('maxPageSize: 100');
    } else {
      expect(byName['page-size'].status).toBe('skipped');
      expect(byName['page-size'].details['answer']).toContain('does not implement GET /V1/products');
    }
  }, 30_000);

  it('a resource the integration lacks: refused by the ACL, named in the hint; exit 1', async () => {
    const { code, byName } = await doctorJson(['--resources', 'Magento_Backend::store,Magento_Sales::actions_view']);
    expect(code).toBe(1);
    expect(byName['resources'].status).toBe('fail');
    expect(byName['resources'].finding).toMatch(
      /^1 of 2 GET calls allowed; 1 refused by the ACL \(Magento_Sales::actions_view \(GET \/V1\/orders\)\)$/,
    );
    expect(byName['resources'].hint).toContain('Grant Magento_Sales::actions_view');
  }, 30_000);

  it('without credentials: the unsigned checks run, the others are skipped with a hint; exit 0', async () => {
    const { code, byName, statuses } = await doctorJson([], noCredentials);
    expect(code).toBe(0);
    expect(statuses).toEqual({
      reachability: 'pass',
      'signature-profile': 'skipped',
      'clock-skew': 'pass',
      'authorization-header': 'pass',
      'encoded-slash': 'pass',
      'page-size': 'skipped',
      resources: 'skipped',
    });
    expect(byName['encoded-slash'].finding).toContain('its ACL asked for Magento_Catalog::products');
    expect(byName['signature-profile'].hint).toContain('MAGEKIT_CONSUMER_KEY');
  }, 30_000);

  it('an unreachable store is a failed check (exit 1); bad input is exit 2 with nothing on stdout', async () => {
    const unreachable = await runBin(['doctor', 'http://127.0.0.1:9/', '--json'], noCredentials);
    expect(unreachable.code).toBe(1);
    expect((JSON.parse(unreachable.stdout) as { checks: Check[] }).checks[0]).toMatchObject({
      name: 'reachability',
      status: 'fail',
    });
    const partial = await runBin(
      ['doctor', sandbox.url, '--consumer-key', credentials.MAGEKIT_CONSUMER_KEY],
      noCredentials,
    );
    expect(partial).toMatchObject({ code: 2, stdout: '' });
    expect(partial.stderr).toContain(
      'Incomplete credentials: --consumer-secret (MAGEKIT_CONSUMER_SECRET), --token (MAGEKIT_TOKEN), --token-secret (MAGEKIT_TOKEN_SECRET) missing. [MISSING_OPTION]',
    );
    const badUrl = await runBin(['doctor', 'shop.example.com'], noCredentials);
    expect(badUrl).toMatchObject({ code: 2, stdout: '' });
  }, 30_000);
});

describe('magekit doctor (built bin) against a sandbox started with --magento 2.4.6-p1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'magekit-doctor-version-e2e-'));
  let sandbox: Awaited<ReturnType<typeof startFromCli>>;
  let credentials: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startFromCli(join(dir, 'data'), ['--magento', '2.4.6-p1']);
    const created = await runBin([
      'sandbox',
      'integration',
      'create',
      '--url',
      sandbox.url,
      '--name',
      'doctor',
      '--resources',
      'Magento_Backend::store,Magento_Catalog::products',
      '--admin-token',
      ADMIN_TOKEN,
      '--json',
    ]);
    const tokens = JSON.parse(created.stdout) as Record<string, string>;
    credentials = {
      MAGEKIT_CONSUMER_KEY: tokens['consumerKey'],
      MAGEKIT_CONSUMER_SECRET: tokens['consumerSecret'],
      MAGEKIT_TOKEN: tokens['accessToken'],
      MAGEKIT_TOKEN_SECRET: tokens['accessTokenSecret'],
    };
  }, 60_000);
  afterAll(() => {
    sandbox?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports Magento/2.4 (Community) and the exact profile; its signature and page-size checks agree with 2.4.6-p1', async () => {
    const result = await runBin(['doctor', sandbox.url, '--json'], credentials);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as {
      version: { magento: string | null; sandboxProfile: string | null };
      checks: Check[];
    };
    expect(result.code).toBe(0);
    expect(report.version).toMatchObject({ magento: 'Magento/2.4 (Community)', sandboxProfile: '2.4.6-p1' });
    const byName = Object.fromEntries(report.checks.map((check) => [check.name, check])) as Record<string, Check>;
    expect(byName['signature-profile']).toMatchObject({ status: 'pass', details: { profile: 'laminas' } });
    expect(byName['signature-profile'].finding).toContain('laminas');
    if (byName['page-size'].status !== 'skipped') expect(byName['page-size'].details['maxPageSize']).toBe(300);
  }, 30_000);
});
