import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestService } from '../test-support/test-service';

jest.setTimeout(30_000);

describe('dashboard, API docs and the root page', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mk-dashboard-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves a dashboard built for /dashboard/ there and sends / to it', async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>stores</title><script type="module" src="/dashboard/assets/app.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("dashboard")');
    const service = await startTestService({ env: { DASHBOARD_DIR: dir } });
    try {
      expect(service.urls.dashboard).toBe(`http://localhost:${service.port}/dashboard/`);
      const root = await fetch(`${service.base}/`, { redirect: 'manual' });
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/dashboard/');
      const page = await fetch(`${service.base}/dashboard/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/dashboard/assets/app.js');
      const asset = await fetch(`${service.base}/dashboard/assets/app.js`);
      expect(await asset.text()).toBe('console.log("dashboard")');
      expect((await fetch(`${service.base}/health`)).status).toBe(200);
      expect((await service.api('/api/stores')).status).toBe(200);
    } finally {
      await service.stop();
    }
  });

  it('says how to build the dashboard when there is none, and serves the OpenAPI document', async () => {
    const service = await startTestService({ env: { DASHBOARD_DIR: join(dir, 'missing') } });
    try {
      expect(service.urls.dashboard).toBeNull();
      expect(service.banner.join('')).toContain('(not built: run `npx nx build dashboard`)');
      const root = await fetch(`${service.base}/`);
      expect(root.status).toBe(200);
      expect(await root.text()).toContain('npx nx build dashboard');
      const docs = await fetch(`${service.base}/api/docs`);
      expect(docs.status).toBe(200);
      const document = (await (await fetch(`${service.base}/api/docs-json`)).json()) as {
        info: { title: string };
        paths: Record<string, unknown>;
        components: { securitySchemes: Record<string, unknown> };
      };
      expect(document.info.title).toBe('magekit integration service: admin API');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/stores', '/api/stores/{id}', '/api/stores/{id}/activations']),
      );
      expect(Object.keys(document.paths).some((path) => path.startsWith('/magento/') || path === '/health')).toBe(
        false,
      );
      expect(document.components.securitySchemes).toHaveProperty('bearer');
    } finally {
      await service.stop();
    }
  });

  it('in production, writes the first-start credentials to a 0600 file instead of printing them', async () => {
    const service = await startTestService({
      env: { NODE_ENV: 'production', HOST: '127.0.0.1', DASHBOARD_DIR: join(dir, 'missing') },
    });
    try {
      const file = join(service.dataDir, 'first-start-credentials.txt');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toContain(`API token: ${service.firstStart!.apiToken}`);
      expect(service.banner.join('')).not.toContain(service.firstStart!.apiToken);
      expect(service.banner.join('')).toContain('Callback URL:');
      const logs = service.logs.join('');
      expect(logs).toContain('First-start credentials written to a file');
      expect(logs).not.toContain(service.firstStart!.apiToken);
      expect(logs).not.toContain(service.firstStart!.account.password);
    } finally {
      await service.stop();
    }
  });
});
