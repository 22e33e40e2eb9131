import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, MAGEKIT_BIN, runServiceToExit, spawnService } from '../test-support/service-process';

jest.setTimeout(60_000);

describe('node apps/integration/dist/main.js (npm start) with no configuration', () => {
  let dir: string;
  beforeAll(() => assertBuilt());
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mk-first-start-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function api(base: string, path: string, token: string) {
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it('first start: key file 0600, migrations, credentials printed once, URLs to paste, /health 200; later starts print URLs only', async () => {
    const first = await spawnService({ PORT: '0' }, dir);
    try {
      const banner = first.stdout();
      const port = first.port;
      expect(banner).toContain(`Callback URL:       http://localhost:${port}/magento/callback/default`);
      expect(banner).toContain(`Identity link URL:  http://localhost:${port}/magento/identity/default`);
      expect(banner).toContain(`Admin API docs:     http://localhost:${port}/api/docs`);
      const token = /API token \(dashboard and \/api\): +(\S+)/.exec(banner)?.[1] ?? '';
      const password = /Vendor account \(identity link\): +admin@localhost \/ (\S+)/.exec(banner)?.[1] ?? '';
      expect(token).toMatch(/^mk_/);
      expect(password.length).toBeGreaterThanOrEqual(20);

      const keyFile = join(dir, '.data', 'integration', 'keys.json');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const logs = first.logs();
      expect(logs).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ level: 'warn', context: 'Config', path: keyFile }),
          expect.objectContaining({ msg: 'migrations run', context: 'Database' }),
          expect.objectContaining({
            msg: 'ready',
            callback: `http://localhost:${port}/magento/callback/default`,
            firstStart: true,
          }),
        ]),
      );
      const jsonLines = first
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .join('\n');
      expect(jsonLines).not.toContain(token);
      expect(jsonLines).not.toContain(password);

      expect(
        await fetch(`${first.base}/health`).then(async (response) => ({
          status: response.status,
          body: await response.json(),
        })),
      ).toEqual({ status: 200, body: { status: 'ok', database: 'up', queue: 'disabled' } });
      expect(await api(first.base, '/api/stores', token)).toEqual({
        status: 200,
        body: { items: [], total: 0, page: 1, pageSize: 20 },
      });
      expect(
        (
          (await fetch(`${first.base}/api/docs-json`).then((response) => response.json())) as {
            paths: Record<string, unknown>;
          }
        ).paths,
      ).toHaveProperty('/api/stores');

      // The CLI reads the same DATA_DIR: its token works on the running service.
      const cli = spawnSync(process.execPath, [MAGEKIT_BIN, 'tokens', 'create', '--name', 'from-cli'], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '' },
      });
      expect(cli.status).toBe(0);
      const cliToken = cli.stdout.trim().split('\n').pop() ?? '';
      expect((await api(first.base, '/api/stores', cliToken)).status).toBe(200);
      expect((await api(first.base, '/api/stores', 'mk_unknownunknownunknownunknown')).status).toBe(401);
      expect(await first.stop()).toBe(0);

      const second = await spawnService({ PORT: '0' }, dir);
      try {
        expect(second.stdout()).toContain('Identity link URL:');
        expect(second.stdout()).not.toContain('First start');
        expect(second.logs()).not.toEqual(expect.arrayContaining([expect.objectContaining({ context: 'Config' })]));
        expect(JSON.parse(readFileSync(keyFile, 'utf8'))).toMatchObject({ activeKeyId: 'k1' });
        expect((await api(second.base, '/api/stores', token)).status).toBe(200);
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
    }
  });

  it('refuses to generate a key in production and names every bad variable in one message', async () => {
    const production = await runServiceToExit({ NODE_ENV: 'production', PORT: '0' }, dir);
    expect(production.code).toBe(1);
    expect(production.stderr).toContain('MAGEKIT_ENCRYPTION_KEYS is required when NODE_ENV=production');
    expect(production.stderr).toContain('[INVALID_CONFIG]');

    const bad = await runServiceToExit(
      { PORT: 'eighty', DATABASE_URL: 'ftp://db', LOG_LEVEL: 'loud', STORE_URL_ALLOWED_NETWORKS: '300.1.1.1/8' },
      dir,
    );
    expect(bad.code).toBe(1);
    const message = bad.stderr.split('\n')[0];
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'STORE_URL_ALLOWED_NETWORKS'])
      expect(message).toContain(name);
    expect(bad.stderr).toContain('hint: Fix the listed environment variables');
    expect(bad.stdout).toBe('');
  });

  it('reports an unreachable database clearly and exits 1', async () => {
    const result = await runServiceToExit(
      {
        PORT: '0',
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        MAGEKIT_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}`,
      },
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot open the database (PostgreSQL postgres://nobody@127.0.0.1:1/none)');
    expect(result.stderr).toContain('[DATABASE_UNAVAILABLE]');
  });
});
