import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Module, Post, UseGuards } from '@nestjs/common';
import { ApiAuthGuard } from '@magekit/nest';
import { startIntegrationService, type RunningService } from '@magekit/service';
import { TEST_KEYS } from '../test-support/test-service';

jest.setTimeout(30_000);

/** An app's own job, as a generated app has one (`POST /api/sample-job/run`). */
@Controller('api/acme-job')
@UseGuards(ApiAuthGuard)
class AcmeJobController {
  @Post('run')
  run(): { ok: boolean } {
    return { ok: true };
  }
}

@Module({ controllers: [AcmeJobController] })
class AcmeJobModule {}

describe('the service name, its own routes in /api/docs, and a port in use', () => {
  let dir: string;
  const banner: string[] = [];
  const env = () => ({
    PORT: '0',
    DATA_DIR: dir,
    TENANT: 'acme',
    LOG_LEVEL: 'warn',
    MAGEKIT_ENCRYPTION_KEYS: TEST_KEYS,
    DASHBOARD_DIR: join(dir, 'no-dashboard'),
  });
  const start = (options: Parameters<typeof startIntegrationService>[0] = {}) =>
    startIntegrationService({
      env: env(),
      cwd: dir,
      log: () => undefined,
      print: (text) => void banner.push(text),
      ...options,
    });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mk-int-identity-'));
    banner.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function getJson<T>(
    service: RunningService,
    path: string,
    token = service.firstStart?.apiToken,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`http://127.0.0.1:${service.port}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  it('a generated app: its name in the banner, GET /api/service and the docs title; its own routes documented; --app in the printed commands', async () => {
    const service = await start({ app: 'acme-sync', imports: [AcmeJobModule] });
    try {
      const text = banner.join('');
      expect(text).toMatch(/^acme-sync listening on http:\/\/localhost:\d+ {2}\(database: SQLite /);
      expect(text).toContain(
        'More with `npx magekit tokens create --name <name> --app acme-sync` and `npx magekit accounts create --email <e-mail> --name <name> --app acme-sync`.',
      );
      expect(await getJson(service, '/api/service')).toEqual({
        status: 200,
        body: { name: 'acme-sync', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
      });
      expect((await getJson(service, '/api/service', 'mk_not-a-token')).status).toBe(401);
      const document = (
        await getJson<{ info: { title: string }; paths: Record<string, unknown> }>(service, '/api/docs-json')
      ).body;
      expect(document.info.title).toBe('acme-sync: admin API');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/acme-job/run', '/api/stores', '/api/service']),
      );
    } finally {
      await service.close();
    }
  });

  it('the main service: "magekit integration service" and commands without --app', async () => {
    const service = await start();
    try {
      expect(banner.join('')).toMatch(/^magekit integration service listening on /);
      expect(banner.join('')).toContain('More with `npx magekit tokens create --name <name>` and');
      expect((await getJson<{ name: string }>(service, '/api/service')).body.name).toBe('magekit integration service');
    } finally {
      await service.close();
    }
  });

  it('a port in use: PORT_IN_USE naming the port, with PORT=<other> in the hint', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const refused = await startIntegrationService({
        env: { ...env(), PORT: String(port), HOST: '127.0.0.1' },
        cwd: dir,
        log: () => undefined,
        print: () => undefined,
      }).then(
        (service) => service.close().then(() => null),
        (error: Error & { code?: string; hint?: string }) => error,
      );
      expect(refused).toMatchObject({
        code: 'PORT_IN_USE',
        message: expect.stringContaining(`Cannot listen on port ${port}: it is already in use`),
      });
      expect(refused?.hint).toContain(`PORT=${port + 1}`);
      const again = await start();
      await again.close(); // the refused start closed the database and the app
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
