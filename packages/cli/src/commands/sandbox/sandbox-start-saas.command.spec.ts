import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBinAsync } from '../../testing/run-bin-async';
import { startSandboxProcess } from '../../testing/sandbox-process';

jest.setTimeout(60_000);

/** Reads `label: value` of a banner line. */
function bannerValue(output: string, label: string): string {
  const line = output.split('\n').find((candidate) => candidate.startsWith(`  ${label}:`));
  if (line === undefined) throw new Error(`no "${label}" line in:\n${output}`);
  return line.slice(line.indexOf(':') + 1).trim();
}

/** `magekit sandbox start --edition saas` through the built bin and the built sandbox. */
describe('magekit sandbox start --edition saas', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mk-cli-sandbox-saas-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the tenant, the IMS token endpoint and the credential, and serves them', async () => {
    const sandbox = await startSandboxProcess(dir, 'cli-test-admin-token', ['--edition', 'saas', '--tenant', 'acme']);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the banner is one write after the URL line
      const output = sandbox.output();
      expect(bannerValue(output, 'REST')).toMatch(new RegExp(`^${sandbox.url}acme/V1/… {3}\\(tenant acme;`));
      const [, tokenUrl] = /^POST (\S+)/.exec(bannerValue(output, 'IMS token')) ?? [];
      expect(tokenUrl).toBe(`${sandbox.url}ims/token/v3`);
      const [, clientId, clientSecret, orgId] =
        /^client id (\S+) \/ client secret (\S+) \/ org (\S+)/.exec(bannerValue(output, 'IMS credential')) ?? [];
      expect(output).not.toContain('oauth/token/request');

      const issued = await fetch(tokenUrl, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          scope: 'openid,AdobeID,commerce.accs',
        }),
      });
      const { access_token: token } = (await issued.json()) as { access_token: string };
      const headers = { authorization: `Bearer ${token}`, 'x-api-key': clientId, 'x-gw-ims-org-id': orgId };
      const websites = await fetch(`${sandbox.url}acme/V1/store/websites`, { headers });
      expect(websites.status).toBe(200);
      expect(((await websites.json()) as unknown[]).length).toBe(3);
      expect((await fetch(`${sandbox.url}acme/V1/store/websites`)).status).toBe(401);
      expect((await fetch(`${sandbox.url}rest/V1/store/websites`, { headers })).status).toBe(404);
      const edition = await fetch(`${sandbox.url}sandbox/admin/edition`, {
        headers: { authorization: `Bearer ${sandbox.adminToken}` },
      });
      expect(await edition.json()).toMatchObject({ edition: 'saas', restBaseUrl: `${sandbox.url}acme/` });
    } finally {
      await sandbox.stop();
    }
  });

  it('an unknown --edition: a typed error listing the editions, nothing started', async () => {
    const result = await runBinAsync(['sandbox', 'start', '--port', '0', '--data', dir, '--edition', 'cloud']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--edition must be one of paas, saas (got "cloud").');
    expect(result.stderr).toContain('[INVALID_INPUT]');
  });

  it('a tenant id the sandbox cannot serve: the store names it and exits', async () => {
    const result = await runBinAsync([
      'sandbox',
      'start',
      '--port',
      '0',
      '--data',
      dir,
      '--edition',
      'saas',
      '--tenant',
      'rest',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SANDBOX_TENANT_ID "rest" is a path the sandbox serves itself; choose another');
    expect(result.stderr).toContain('[SANDBOX_FAILED]');
  });
});
