import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox, type RunningSandbox } from './testing';

const BIN = resolve(__dirname, '..', '..', '..', 'packages', 'cli', 'bin', 'magekit.js');

interface Check {
  name: string;
  status: 'pass' | 'warn' | 'fail' | 'skipped';
  finding: string;
  hint: string | null;
  details: Record<string, unknown>;
}

interface Report {
  store: string;
  edition?: string;
  saas?: Record<string, unknown>;
  version: { magento: string | null; sandboxProfile: string | null; url: string } | null;
  checks: Check[];
}

/**
 * Runs the built bin with `stdin`, without blocking this process (the sandbox answers from it);
 * resolves with the exit code and output whatever the code. The IMS and OAuth variables of the
 * developer's shell are cleared.
 */
function runBin(
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, MAGEKIT_IMS_CLIENT_SECRET: undefined };
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...env, ...options.env } as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

function byName(report: Report): Record<string, Check> {
  return Object.fromEntries(report.checks.map((check) => [check.name, check]));
}

function statuses(report: Report): Record<string, string> {
  return Object.fromEntries(report.checks.map((check) => [check.name, check.status]));
}

// Each test runs the built bin (a node start per call) while every project tests in parallel on 2 cores.
jest.setTimeout(60_000);

describe('magekit doctor (built bin) against the SaaS edition of the sandbox store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'magekit-doctor-saas-e2e-'));
  let sandbox: RunningSandbox;
  let saas: NonNullable<RunningSandbox['saas']>;
  let productsImplemented: boolean;
  /** The flags of the default credential, the secret given apart. */
  const imsFlags = (clientId = saas.credential.clientId) => [
    '--ims-client-id',
    clientId,
    '--ims-org-id',
    saas.credential.orgId,
    '--ims-token-url',
    sandbox.baseUrl,
  ];
  const doctorJson = async (args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) => {
    const result = await runBin(['doctor', saas.restBaseUrl, '--edition', 'saas', '--json', ...args], options);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as Report;
    return { ...result, report, checks: byName(report), statuses: statuses(report) };
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ edition: 'saas' });
    if (sandbox.saas === null) throw new Error('the sandbox did not start as SaaS');
    saas = sandbox.saas;
    const routes = await fetch(`${sandbox.baseUrl}sandbox/admin/routes`, {
      headers: { authorization: `Bearer ${sandbox.adminToken}` },
    });
    productsImplemented = ((await routes.json()) as { implemented: string[] }).implemented.includes('GET /V1/products');
  }, 60_000);
  afterAll(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with the default credential (secret on stdin): a token, calls made with it, the PaaS-only checks not applicable; exit 0', async () => {
    const { code, stdout, report, checks, statuses } = await doctorJson([...imsFlags(), '--ims-client-secret-stdin'], {
      stdin: `${saas.credential.clientSecret}\n`,
    });
    expect(code).toBe(0);
    expect(report).toMatchObject({
      store: saas.restBaseUrl,
      edition: 'saas',
      saas: {
        tenantId: saas.tenantId,
        region: null,
        environment: null,
        restBaseUrl: saas.restBaseUrl,
        recognisedFrom: '--edition',
      },
      version: { magento: null, sandboxProfile: '2.4.8', url: `${saas.restBaseUrl}V1/store/storeConfigs` },
    });
    expect(statuses).toEqual({
      reachability: 'pass',
      'ims-token': 'pass',
      'authenticated-call': 'pass',
      'signature-profile': 'skipped',
      'clock-skew': 'pass',
      'authorization-header': 'skipped',
      'encoded-slash': 'pass',
      'page-size': productsImplemented ? 'pass' : 'skipped',
      resources: 'skipped',
    });
    expect(checks['reachability'].finding).toContain(
      'HTTP 401 "Oauth token is not valid" to a call without an IMS token',
    );
    expect(checks['ims-token'].details).toMatchObject({
      tokenUrl: saas.tokenUrl,
      clientId: saas.credential.clientId,
      orgId: saas.credential.orgId,
      expiresInSeconds: saas.tokenLifetimeSeconds,
      code: null,
    });
    expect(checks['ims-token'].details['grantedScopes']).toContain('commerce.accs');
    expect(checks['ims-token'].finding).toContain(`expires_in ${saas.tokenLifetimeSeconds} s`);
    expect(checks['authenticated-call'].finding).toContain('GET /V1/store/storeConfigs answered HTTP 200');
    expect(checks['clock-skew'].details['source']).toBe('authenticated call');
    expect(checks['encoded-slash'].details['path']).toBe('/V1/products/magekit-doctor%2Fno-such-sku');
    expect(checks['signature-profile'].finding).toMatch(/^not applicable: /);
    expect(stdout).not.toContain(saas.credential.clientSecret);
    expect(stdout).not.toMatch(/"ey[\w-]+\.[\w-]+\./);
  });

  it('a narrower credential from a file: the ACL refuses with 403, named in the resources check; the store clock ahead only warns', async () => {
    const credential = await sandbox.admin.createImsCredential({ resources: ['Magento_Backend::store'] });
    const secretFile = join(dir, 'secret.txt');
    writeFileSync(secretFile, `${credential.clientSecret}\n`);
    await sandbox.admin.updateStoreSettings('default', { clockOffsetSeconds: 900 });
    try {
      const { code, checks, statuses } = await doctorJson([
        ...imsFlags(credential.clientId),
        '--ims-client-secret-file',
        secretFile,
        '--resources',
        'Magento_Backend::store,Magento_Sales::actions_view',
      ]);
      expect(code).toBe(1);
      expect(statuses).toMatchObject({
        'authenticated-call': 'pass',
        'clock-skew': 'warn',
        'encoded-slash': 'pass',
        resources: 'fail',
      });
      expect(checks['clock-skew'].details['skewSeconds']).toBeGreaterThanOrEqual(898);
      expect(checks['encoded-slash'].finding).toContain('its ACL asked for Magento_Catalog::products');
      expect(checks['resources'].finding).toMatch(
        /^1 of 2 GET calls allowed; 1 refused by the ACL \(Magento_Sales::actions_view \(GET \/V1\/orders\)\)$/,
      );
      expect(checks['resources'].hint).toContain("to the IMS credential's technical account");
      expect((checks['resources'].details['calls'] as Array<{ answer: string }>)[1].answer).toMatch(/^HTTP 403 /);
    } finally {
      await sandbox.admin.updateStoreSettings('default', { clockOffsetSeconds: 0 });
    }
  });

  it("a wrong secret: IMS's refusal as the client's typed error with its hint, nothing else tried, the secret never shown; exit 1", async () => {
    const wrong = 'p8e-doctor-e2e-wrong-secret';
    const { code, stdout, stderr } = await runBin(
      ['doctor', saas.restBaseUrl, '--edition', 'saas', ...imsFlags(), '--ims-client-secret-stdin'],
      { stdin: wrong },
    );
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /\nFAIL {2}ims-token +no IMS token from http:\/\/127\.0\.0\.1:\d+\/ims\/token\/v3: IMS refused the client credentials \(HTTP 401: invalid_client: invalid client_secret parameter\) \[IMS_CLIENT_REJECTED\]\n +hint: Check clientId and clientSecret/,
    );
    expect(stdout).toContain('SKIP  authenticated-call    not checked: no IMS token (see ims-token)');
    expect(stdout + stderr).not.toContain(wrong);
  });

  it('no credential: the gateway answers 401, the next step is named; a table with the edition; exit 0', async () => {
    const { code, stdout, stderr } = await runBin(['doctor', saas.restBaseUrl, '--edition', 'saas'], {
      env: { MAGEKIT_CONSUMER_KEY: 'not-read-for-saas' },
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n').slice(0, 5)).toEqual([
      `magekit doctor ${saas.restBaseUrl}`,
      `edition: Adobe Commerce as a Cloud Service (SaaS), tenant ${saas.tenantId} (declared with --edition saas)`,
      'version: not asked (Adobe keeps Adobe Commerce as a Cloud Service up to date; its API host has no /magento_version); a magekit sandbox store with the 2.4.8 profile (X-Magekit-Sandbox-Version)',
      '',
      expect.stringMatching(
        /^PASS {2}reachability {10}the tenant's API gateway answered in \d+ ms: HTTP 401 "Oauth token is not valid"/,
      ),
    ]);
    expect(stdout).toMatch(
      /\nSKIP {2}ims-token +not checked: no IMS credential given\n +hint: Pass an OAuth Server-to-Server credential/,
    );
    expect(stdout).toContain('--ims-token-url <sandbox url>');
    expect(stdout).toMatch(/\n2 passed, 0 warnings, 0 failed, 7 skipped\n$/);
  });

  it('without --edition a loopback URL is not told SaaS: the PaaS checks run, and find no Magento REST API at <url>rest/', async () => {
    const { stdout } = await runBin(['doctor', sandbox.baseUrl, '--json']);
    const report = JSON.parse(stdout) as Report;
    expect(Object.keys(report)).toEqual(['store', 'version', 'checks']);
    expect(byName(report)['reachability'].status).not.toBe('pass');
    expect(byName(report)['reachability'].finding).toContain('for an unknown REST route');
    expect(byName(report)['signature-profile'].finding).not.toMatch(/^not applicable/);
  });
});
