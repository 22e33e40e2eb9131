import { Agent as HttpAgent, createServer, type Server } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createGuardedFetch } from './guarded-fetch';
import { createStoreUrlPolicy, type LookupAll } from './store-url-policy';

describe('guarded fetch', () => {
  let server: Server;
  let port: number;
  const seen: string[] = [];
  /** The connections requests arrived on. */
  const sockets = new Set<unknown>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      sockets.add(req.socket);
      seen.push(`${req.method} ${req.url} host=${req.headers.host} body=${req.headers['content-length'] ?? 0}`);
      if (req.url === '/redirect')
        return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      if (req.url === '/big') return void res.end('x'.repeat(5000));
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end(JSON.stringify({ ok: true }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
    sockets.clear();
  });

  const allowLoopback = createStoreUrlPolicy({ allowHttp: true, allowedNetworks: ['127.0.0.1/32'] });
  const toLoopback: LookupAll = async () => [{ address: '127.0.0.1', family: 4 }];

  it('connects through the injected lookup and keeps the Host header', async () => {
    const fetch = createGuardedFetch({ policy: allowLoopback, lookup: toLoopback });
    const response = await fetch(`http://shop.test:${port}/ok`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(seen).toEqual([`POST /ok host=shop.test:${port} body=7`]);
  });

  it('returns redirects without following them', async () => {
    const fetch = createGuardedFetch({ policy: allowLoopback, lookup: toLoopback });
    const response = await fetch(`http://127.0.0.1:${port}/redirect`, { method: 'GET' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://169.254.169.254/latest/meta-data/');
    expect(seen).toHaveLength(1);
  });

  it('checks the address again when connecting (a DNS answer that changes after the check)', async () => {
    let calls = 0;
    const rebinding: LookupAll = async () =>
      calls++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }];
    const fetch = createGuardedFetch({ policy: createStoreUrlPolicy({ allowHttp: true }), lookup: rebinding });
    await expect(fetch(`http://rebind.test:${port}/ok`, { method: 'GET' })).rejects.toMatchObject({
      code: 'STORE_URL_REFUSED',
      message: expect.stringContaining('a loopback address'),
    });
    expect(calls).toBe(2);
    expect(seen).toEqual([]);
  });

  it('refuses loopback without the allow-list, before connecting', async () => {
    const fetch = createGuardedFetch({ policy: createStoreUrlPolicy({ allowHttp: true }), lookup: toLoopback });
    await expect(fetch(`http://127.0.0.1:${port}/ok`, { method: 'GET' })).rejects.toMatchObject({
      code: 'STORE_URL_REFUSED',
    });
    expect(seen).toEqual([]);
  });

  it('caps the response size', async () => {
    const fetch = createGuardedFetch({ policy: allowLoopback, lookup: toLoopback, maxResponseBytes: 1000 });
    await expect(fetch(`http://127.0.0.1:${port}/big`, { method: 'GET' })).rejects.toThrow(
      'response body larger than 1000 bytes',
    );
  });

  it('aborts on the caller signal', async () => {
    const fetch = createGuardedFetch({ policy: allowLoopback, lookup: toLoopback });
    const controller = new AbortController();
    controller.abort();
    await expect(fetch(`http://127.0.0.1:${port}/ok`, { method: 'GET', signal: controller.signal })).rejects.toThrow(
      /abort/i,
    );
  });

  describe('with keep-alive agents', () => {
    let agents: { http: HttpAgent; https: HttpsAgent };
    beforeEach(
      () => (agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) }),
    );
    afterEach(() => {
      agents.http.destroy();
      agents.https.destroy();
    });

    it('reuses one connection for consecutive requests to a store', async () => {
      const fetch = createGuardedFetch({ policy: allowLoopback, lookup: toLoopback, agents });
      for (let i = 0; i < 3; i += 1) {
        expect((await fetch(`http://shop.test:${port}/ok`, { method: 'GET' })).status).toBe(200);
        await new Promise((resolve) => setImmediate(resolve)); // the socket returns to the pool just after the body ends
      }
      expect(seen).toHaveLength(3);
      expect(sockets.size).toBe(1);
    });

    it('still checks the address when a new connection is made', async () => {
      let calls = 0;
      const rebinding: LookupAll = async () =>
        calls++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }];
      const fetch = createGuardedFetch({
        policy: createStoreUrlPolicy({ allowHttp: true }),
        lookup: rebinding,
        agents,
      });
      await expect(fetch(`http://rebind.test:${port}/ok`, { method: 'GET' })).rejects.toMatchObject({
        code: 'STORE_URL_REFUSED',
        message: expect.stringContaining('a loopback address'),
      });
      expect(calls).toBe(2);
      expect(seen).toEqual([]);
    });
  });
});
