import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAGEKIT_CONFIG, StoreEntity, type ResolvedMagentoOptions } from '@magekit/nest';
import { describeIfAvailable, listTestDatabases } from '../../test-support/test-databases';
import { startTestService, type TestService } from '../../test-support/test-service';
import { logEntries, send, type RawAnswer } from './http-client';

jest.setTimeout(30_000);

/** The identity pages' own policy (@magekit/nest `PAGE_HEADERS`). */
const IDENTITY_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const CONSUMER_KEY = 'c'.repeat(32);
const CORRUPT = 'mk1.k1.AAAA.BBBB.CCCC';

/** A dashboard build as Vite writes it: index.html, a module script and its source map. */
function writeDashboard(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>stores</title><script type="module" crossorigin src="/dashboard/assets/app.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("dashboard")\n//# sourceMappingURL=app.js.map');
  writeFileSync(
    join(dir, 'assets', 'app.js.map'),
    '{"version":3,"sources":["../src/secret-source.tsx"],"mappings":""}',
  );
}

/** An active store whose stored secrets cannot be decrypted (its probe is the service's own fault: 500). */
async function insertStore(service: TestService): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await service.dataSource.getRepository(StoreEntity).insert({
    id,
    tenant: 'acme',
    consumerKey: CONSUMER_KEY,
    consumerSecretEnc: CORRUPT,
    storeBaseUrl: 'https://shop.example.com/',
    usesIndexPhp: false,
    status: 'active',
    accessTokenEnc: CORRUPT,
    accessTokenSecretEnc: CORRUPT,
    signatureProfile: 'latest',
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

/** The 8 admin API routes (packages/nest/src/admin/stores.controller.ts and stats.controller.ts). */
function adminRoutes(storeId: string): Array<[string, string]> {
  return [
    ['GET', '/api/stores'],
    ['GET', `/api/stores/${storeId}`],
    ['GET', `/api/stores/${storeId}/failed-calls`],
    ['GET', `/api/stores/${storeId}/activations`],
    ['POST', `/api/stores/${storeId}/probe`],
    ['POST', `/api/stores/${storeId}/revoke`],
    ['POST', `/api/stores/${storeId}/reauth`],
    ['GET', '/api/stats/activity'],
  ];
}

function expectHelmet(answer: RawAnswer, what: string): void {
  const csp = String(answer.headers['content-security-policy']);
  expect({ what, csp }).toEqual({ what, csp: expect.stringContaining("script-src 'self';") });
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['x-frame-options']).toBe('DENY');
  expect(answer.headers['x-powered-by']).toBeUndefined();
}

function expectInvalidInput(answer: RawAnswer, status = 400): void {
  expect(answer.status).toBe(status);
  expect(answer.json).toEqual({
    error: { code: 'INVALID_INPUT', message: expect.any(String), hint: expect.any(String) },
  });
}

for (const database of listTestDatabases().filter((candidate) => candidate.name !== 'MariaDB')) {
  describeIfAvailable(database, 'HTTP surface attacks', () => {
    // passport keeps one strategy per name in the process: the admin token check of the service
    // started last is the one in force, so each service's token tests run while it is the newest.
    const drops: Array<() => Promise<void>> = [];
    const services: TestService[] = [];
    let dashboardDir: string;
    let dev: TestService;
    let storeId: string;
    let auth: Record<string, string>;

    async function start(env: Record<string, string>): Promise<TestService> {
      const created = await database.create();
      drops.push(created.drop);
      const service = await startTestService({
        databaseUrl: created.url,
        env: { DASHBOARD_DIR: dashboardDir, ...env },
      });
      services.push(service);
      return service;
    }

    beforeAll(async () => {
      dashboardDir = mkdtempSync(join(tmpdir(), 'mk-sec-dashboard-'));
      writeDashboard(dashboardDir);
      dev = await start({});
      storeId = await insertStore(dev);
      auth = { authorization: `Bearer ${dev.firstStart!.apiToken}` };
    }, 30_000);

    afterAll(async () => {
      await Promise.all(services.map((service) => service.stop()));
      await Promise.all(drops.map((drop) => drop()));
      rmSync(dashboardDir, { recursive: true, force: true });
    }, 30_000);

    it('clickjacking, MIME sniffing and script injection: helmet headers with a strict CSP on the dashboard, the API, /health and unknown paths', async () => {
      const answers: Array<[string, RawAnswer]> = [
        ['dashboard', await send(dev.base, 'GET', '/dashboard/')],
        ['dashboard script', await send(dev.base, 'GET', '/dashboard/assets/app.js')],
        ['root', await send(dev.base, 'GET', '/')],
        ['api', await send(dev.base, 'GET', '/api/stores', { headers: auth })],
        ['api without token', await send(dev.base, 'GET', '/api/stores')],
        ['health', await send(dev.base, 'GET', '/health')],
        ['unknown path', await send(dev.base, 'GET', '/no/such/page')],
        ['api docs', await send(dev.base, 'GET', '/api/docs')],
      ];
      for (const [what, answer] of answers) expectHelmet(answer, what);
      const dashboard = String(answers[0][1].headers['content-security-policy']);
      expect(dashboard).toContain("style-src 'self';");
      expect(dashboard).toContain("img-src 'self' data:");
      expect(answers[0][1].headers['cross-origin-opener-policy']).toBe('same-origin');
    });

    it('the identity link keeps its own stricter CSP (helmet does not replace it) and no COOP cuts the Magento popup off', async () => {
      const page = await send(
        dev.base,
        'GET',
        `/magento/identity/acme?oauth_consumer_key=${CONSUMER_KEY}&success_call_back=x`,
        { headers: { accept: 'text/html' } },
      );
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toBe(IDENTITY_CSP);
      expect(page.headers['cross-origin-opener-policy']).toBeUndefined();
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['x-powered-by']).toBeUndefined();
      const expired = await send(dev.base, 'POST', '/magento/identity/acme', {
        headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        body: `oauth_consumer_key=${CONSUMER_KEY}&form_token=x`,
      });
      expect(expired.status).toBe(400);
      expect(expired.headers['content-security-policy']).toBe(IDENTITY_CSP);
      const callback = await send(dev.base, 'POST', '/magento/callback/acme', {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'oauth_consumer_key=x',
      });
      expect(callback.headers['content-security-policy']).toContain("default-src 'none'");
    });

    it('admin data or sign-in pages kept in browser and proxy caches: Cache-Control no-store on every /api and /magento answer', async () => {
      const answers = [
        await send(dev.base, 'GET', '/api/stores', { headers: auth }),
        await send(dev.base, 'GET', '/api/stores'),
        await send(dev.base, 'GET', `/api/stores/${randomUUID()}`, { headers: auth }),
        await send(dev.base, 'GET', '/api/docs-json'),
        await send(dev.base, 'GET', '/api/no-such-route', { headers: auth }),
        await send(dev.base, 'POST', '/magento/callback/acme', {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'oauth_consumer_key=x',
        }),
        await send(dev.base, 'GET', `/magento/identity/acme?oauth_consumer_key=${CONSUMER_KEY}`),
        await send(dev.base, 'GET', '/magento/identity/acme'),
        await send(dev.base, 'POST', '/magento/identity/acme', {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'form_token=x',
        }),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 401, 404, 200, 404, 400, 200, 400, 400]);
      for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');
    });

    it('API token in ?access_token= is refused on every admin route, and never authenticates', async () => {
      const token = dev.firstStart!.apiToken;
      for (const [method, path] of adminRoutes(storeId)) {
        for (const headers of [{}, auth]) {
          const answer = await send(dev.base, method, `${path}${path.includes('?') ? '&' : '?'}access_token=${token}`, {
            headers,
          });
          expect({
            method,
            path,
            status: answer.status,
            code: (answer.json as { error?: { code?: string } })?.error?.code,
          }).toEqual({ method, path, status: 400, code: 'TOKEN_NOT_IN_HEADER' });
          expect((answer.json as { error: { hint: string } }).error.hint).toContain('Authorization: Bearer');
        }
      }
      const store = await dev.dataSource.getRepository(StoreEntity).findOneByOrFail({ id: storeId });
      expect(store).toMatchObject({ status: 'active', accessTokenEnc: CORRUPT });
      expect(dev.logs.join('')).not.toContain(token);
    });

    it('API token in the request body (access_token) is refused on every admin route, even next to a valid header', async () => {
      const token = dev.firstStart!.apiToken;
      const bodies = [
        { 'content-type': 'application/json', body: JSON.stringify({ access_token: token }) },
        { 'content-type': 'application/x-www-form-urlencoded', body: `access_token=${token}` },
      ];
      for (const [method, path] of adminRoutes(storeId)) {
        for (const { body, ...type } of bodies) {
          for (const headers of [type, { ...type, ...auth }]) {
            const answer = await send(dev.base, method, path, { headers, body });
            expect({
              method,
              path,
              status: answer.status,
              code: (answer.json as { error?: { code?: string } })?.error?.code,
            }).toEqual({ method, path, status: 400, code: 'TOKEN_NOT_IN_HEADER' });
          }
        }
      }
      expect(await dev.dataSource.getRepository(StoreEntity).findOneByOrFail({ id: storeId })).toMatchObject({
        status: 'active',
        accessTokenEnc: CORRUPT,
      });
      expect((await send(dev.base, 'GET', '/api/stores', { headers: auth })).status).toBe(200);
    });

    it('malformed form cookie (magekit_identity_form=%E0%A4%A) is a 400, not a 500', async () => {
      for (const accept of ['application/json', 'text/html']) {
        const answer = await send(dev.base, 'POST', '/magento/identity/acme', {
          headers: {
            accept,
            cookie: 'magekit_identity_form=%E0%A4%A',
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: `oauth_consumer_key=${CONSUMER_KEY}&form_token=%25E0%25A4%25A&email=a%40b.c&password=x`,
        });
        expect(answer.status).toBe(400);
      }
      const page = await send(dev.base, 'GET', `/magento/identity/acme?oauth_consumer_key=${CONSUMER_KEY}`, {
        headers: { cookie: 'magekit_identity_form=%E0%A4%A' },
      });
      expect(page.status).toBe(200);
    });

    it("malformed JSON and a JSON null body get the service's INVALID_INPUT error on any route, without echoing the body", async () => {
      const routes: Array<[string, string]> = [
        ['POST', '/magento/callback/acme'],
        ['POST', '/magento/identity/acme'],
        ['POST', `/api/stores/${storeId}/probe`],
        ['GET', '/api/stores'],
        ['GET', '/health'],
        ['POST', '/no/such/route'],
      ];
      for (const [method, path] of routes) {
        for (const body of ['null', '{"password":"hunter2hunter2"', '"text"', '{bad']) {
          const answer = await send(dev.base, method, path, {
            headers: { 'content-type': 'application/json', ...auth },
            body,
          });
          expectInvalidInput(answer);
          expect(answer.text).not.toContain('hunter2');
          expect(answer.headers['content-security-policy']).toBeDefined();
        }
      }
      const huge = await send(dev.base, 'POST', '/magento/callback/acme', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ x: 'y'.repeat(200_000) }),
      });
      expectInvalidInput(huge, 413);
    });

    it("client errors flooding the log: 4xx are logged at warn without stack traces, error only for the service's own faults (5xx)", async () => {
      dev.logs.length = 0;
      await send(dev.base, 'GET', '/api/stores');
      await send(dev.base, 'GET', '/api/stores?access_token=x');
      await send(dev.base, 'POST', '/magento/callback/acme', {
        headers: { 'content-type': 'application/json' },
        body: 'null',
      });
      await send(dev.base, 'POST', '/magento/identity/acme', {
        headers: { cookie: 'magekit_identity_form=%E0%A4%A', 'content-type': 'application/x-www-form-urlencoded' },
        body: `oauth_consumer_key=${CONSUMER_KEY}&form_token=x`,
      });
      await send(dev.base, 'GET', `/api/stores/${randomUUID()}`, { headers: auth });
      await send(dev.base, 'GET', '/no/such/page');
      const clientErrors = logEntries(dev.logs);
      expect(
        clientErrors.filter((entry) => entry['msg'] === 'request').map((entry) => [entry['status'], entry['level']]),
      ).toEqual([
        [401, 'warn'],
        [400, 'warn'],
        [400, 'warn'],
        [400, 'warn'],
        [404, 'warn'],
        [404, 'warn'],
      ]);
      expect(clientErrors.filter((entry) => entry['level'] === 'error')).toEqual([]);
      expect(dev.logs.join('')).not.toMatch(/"stack"|\\n {4}at /);

      dev.logs.length = 0;
      const fault = await send(dev.base, 'POST', `/api/stores/${storeId}/probe`, { headers: auth });
      expect(fault.status).toBe(500);
      expect(fault.json).toEqual({
        error: { code: 'INTERNAL_ERROR', message: 'Internal error; the details are in the server log.' },
      });
      const errors = logEntries(dev.logs).filter((entry) => entry['level'] === 'error');
      expect(errors.map((entry) => entry['context'])).toEqual(['MagentoIntegration', 'HTTP']);
      expect(errors[0]['msg']).toMatch(/^POST \/api\/stores\/.+\/probe: /);
      expect(String(errors[0]['stack'])).toContain('    at ');
    });

    describe('in production behind a proxy (NODE_ENV=production, TRUST_PROXY=1)', () => {
      let production: TestService;
      beforeAll(async () => {
        production = await start({
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          TRUST_PROXY: '1',
          THROTTLE_WINDOW_SECONDS: '30',
          THROTTLE_CALLBACK_PER_ADDRESS: '3',
          THROTTLE_CALLBACK_GLOBAL: '40',
          THROTTLE_SIGN_IN_PER_ADDRESS: '5',
          PENDING_STORES_PER_ADDRESS: '2',
        });
      }, 30_000);

      it('callback and sign-in floods: the THROTTLE_* and PENDING_STORES_* limits reach the module, unset ones keep its defaults', () => {
        const resolved = production.app.get<ResolvedMagentoOptions>(MAGEKIT_CONFIG);
        expect(resolved.throttle).toMatchObject({
          windowMs: 30_000,
          callback: { perAddress: 3, global: 40 },
          signIn: { perAddress: 5, global: 300 },
          storage: null,
        });
        expect(resolved.pendingStores).toEqual({ perAddress: 2, max: 500 });
      });

      it("source-map disclosure in production: the dashboard's *.map files are 404 (served in development)", async () => {
        expect((await send(production.base, 'GET', '/dashboard/assets/app.js')).status).toBe(200);
        const map = await send(production.base, 'GET', '/dashboard/assets/app.js.map');
        expect(map.status).toBe(404);
        expect(map.text).not.toContain('secret-source');
        expect((await send(production.base, 'GET', '/dashboard/assets/APP.JS.MAP')).status).toBe(404);
        expect((await send(dev.base, 'GET', '/dashboard/assets/app.js.map')).status).toBe(200);
      });

      it('API description disclosure in production: /api/docs and its JSON are off by default (public in development)', async () => {
        for (const path of ['/api/docs', '/api/docs-json', '/api/docs-yaml', '/api/docs/swagger-ui-init.js']) {
          expect({ path, status: (await send(production.base, 'GET', path)).status }).toEqual({ path, status: 404 });
        }
        expect((await send(dev.base, 'GET', '/api/docs-json')).status).toBe(200);
      });

      it('X-Forwarded-For spoofing: without TRUST_PROXY the header does not change the client address; with TRUST_PROXY=1 only the hop the proxy appended counts', async () => {
        const addresses = async (service: TestService, forwardedFor: string) => {
          service.logs.length = 0;
          await send(service.base, 'GET', '/no/such/page', { headers: { 'x-forwarded-for': forwardedFor } });
          return logEntries(service.logs).find((entry) => entry['msg'] === 'request')?.['ip'];
        };
        expect(await addresses(dev, '203.0.113.9')).toBe('127.0.0.1');
        expect(await addresses(production, '203.0.113.9')).toBe('203.0.113.9');
        expect(await addresses(production, '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
      });

      it('form cookie sent over plain http behind a TLS proxy: with TRUST_PROXY the cookie is Secure when X-Forwarded-Proto is https', async () => {
        const cookie = async (service: TestService) => {
          const page = await send(service.base, 'GET', `/magento/identity/acme?oauth_consumer_key=${CONSUMER_KEY}`, {
            headers: { 'x-forwarded-proto': 'https' },
          });
          return String(page.headers['set-cookie']);
        };
        expect(await cookie(production)).toMatch(/; Secure/);
        expect(await cookie(dev)).not.toMatch(/; Secure/);
      });
    });

    describe('API_DOCS=token', () => {
      let docsBehindToken: TestService;
      beforeAll(async () => {
        docsBehindToken = await start({ API_DOCS: 'token' });
      }, 30_000);

      it('API_DOCS=token: the docs without the admin API token are 401, with a token in the query 400, with the header 200', async () => {
        const token = docsBehindToken.firstStart!.apiToken;
        for (const path of ['/api/docs', '/api/docs-json', '/api/docs/swagger-ui-init.js']) {
          const anonymous = await send(docsBehindToken.base, 'GET', path);
          expect({
            path,
            status: anonymous.status,
            code: (anonymous.json as { error: { code: string } }).error.code,
          }).toEqual({ path, status: 401, code: 'UNAUTHORIZED' });
          expect(
            (
              await send(docsBehindToken.base, 'GET', path, {
                headers: { authorization: 'Bearer mk_not_a_live_token_at_all_0000' },
              })
            ).status,
          ).toBe(401);
          expect((await send(docsBehindToken.base, 'GET', `${path}?access_token=${token}`)).status).toBe(400);
          expect(
            (await send(docsBehindToken.base, 'GET', path, { headers: { authorization: `Bearer ${token}` } })).status,
          ).toBe(200);
        }
      });
    });

    if (database.name === 'SQLite') {
      it('other local users reading the database: the SQLite file and its -wal/-shm are created with mode 0600', () => {
        const file = join(dev.dataDir, 'integration.sqlite');
        for (const path of [file, `${file}-wal`, `${file}-shm`]) {
          expect({ path, mode: (statSync(path).mode & 0o777).toString(8) }).toEqual({ path, mode: '600' });
        }
      });
    }
  });
}
