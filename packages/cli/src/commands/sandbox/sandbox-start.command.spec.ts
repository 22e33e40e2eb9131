import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBinAsync } from '../../testing/run-bin-async';
import { startSandboxProcess } from '../../testing/sandbox-process';

jest.setTimeout(60_000);

/** `magekit sandbox start` through the built bin and the built sandbox. */
describe('magekit sandbox start', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mk-cli-sandbox-start-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the route table release and the signature profile stores verify with', async () => {
    const sandbox = await startSandboxProcess(dir);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the banner is one write after the URL line
      expect(sandbox.output()).toContain(
        'routes and ACL:    Magento Open Source 2.4.6-p1 (the bundled stock route table and ACL tree',
      );
      expect(sandbox.output()).toContain(
        'signatures:        "latest" profile for every store (Magento 2.4.7+ / 2.4-develop); "laminas" (Magento 2.4.4–2.4.6) per store',
      );
      expect(sandbox.output()).toContain('magento:           2.4.8 profile (--magento 2.4.6-p1|2.4.7|2.4.8)');
    } finally {
      await sandbox.stop();
    }
  });

  it('--magento 2.4.6-p1: the banner and the store both follow the 2.4.6-p1 profile', async () => {
    const sandbox = await startSandboxProcess(dir, 'cli-test-admin-token', ['--magento', '2.4.6-p1']);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the banner is one write after the URL line
      expect(sandbox.output()).toContain('magento:           2.4.6-p1 profile');
      expect(sandbox.output()).toContain(
        'signatures:        "laminas" profile for every store (Magento 2.4.4–2.4.6); "latest" (Magento 2.4.7+ / 2.4-develop) per store',
      );
      const version = await fetch(`${sandbox.url}magento_version`);
      expect(await version.text()).toBe('Magento/2.4 (Community)');
      expect(version.headers.get('x-magekit-sandbox-version')).toBe('2.4.6-p1');
      const settings = await fetch(`${sandbox.url}sandbox/admin/stores/default/settings`, {
        headers: { authorization: `Bearer ${sandbox.adminToken}` },
      });
      expect(((await settings.json()) as { signatureProfile: string }).signatureProfile).toBe('laminas');
    } finally {
      await sandbox.stop();
    }
  });

  it('--latency-ms, --workers and --backlog: Magento routes answer through the simulated PHP-FPM pool', async () => {
    const sandbox = await startSandboxProcess(dir, 'cli-test-admin-token', [
      ...['--latency-ms', '2000', '--workers', '1', '--backlog', '0'],
    ]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the banner is one write after the URL line
      expect(sandbox.output()).toContain('PHP-FPM pool: 1 workers, 2000 ms per request, backlog 0 (then 503)');
      // One worker held 2 s and no backlog: of two requests at once, one is served and one refused.
      const answers = await Promise.all([1, 2].map(() => fetch(`${sandbox.url}magento_version`)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 503]);
    } finally {
      await sandbox.stop();
    }
  });

  it('a bad --workers: a typed error naming the flag and its range, nothing started', async () => {
    const result = await runBinAsync(['sandbox', 'start', '--port', '0', '--data', dir, '--workers', '0']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--workers must be an integer from 1 to 10000 (got "0").');
    expect(result.stderr).toContain('[INVALID_INPUT]');
  });

  it('an unknown --magento: a typed error listing the supported versions, nothing started', async () => {
    const result = await runBinAsync(['sandbox', 'start', '--port', '0', '--data', dir, '--magento', '2.4.5']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--magento must be one of 2.4.6-p1, 2.4.7, 2.4.8 (got "2.4.5").');
    expect(result.stderr).toContain('[INVALID_INPUT]');
  });

  it('a port in use: exits non-zero naming the port and --port', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runBinAsync([
        'sandbox',
        'start',
        '--port',
        String(port),
        '--data',
        dir,
        '--seed-products',
        '1',
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Cannot listen on port ${port} (127.0.0.1): it is already in use`);
      expect(result.stderr).toContain(`npx magekit sandbox start --port ${port + 1}`);
      expect(result.stderr).toContain('[SANDBOX_FAILED]');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
