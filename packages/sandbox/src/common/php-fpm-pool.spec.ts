import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createPhpFpmPool, resolvePhpFpmPool, type PhpFpmPool } from './php-fpm-pool';

/** Timers the test fires by hand, on a clock that stands still unless told. */
function createManualTimers() {
  const pending: Array<{ ms: number; fire: () => void }> = [];
  let time = 1000;
  return {
    pending,
    now: () => time,
    advance: (ms: number) => void (time += ms),
    setTimer: (ms: number, fire: () => void) => void pending.push({ ms, fire }),
    fireAll: () => pending.splice(0).forEach((timer) => timer.fire()),
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('createPhpFpmPool', () => {
  let server: Server;
  let baseUrl: string;
  let pool: PhpFpmPool;
  let timers: ReturnType<typeof createManualTimers>;
  let handled: string[];

  async function start(options: Parameters<typeof createPhpFpmPool>[0]): Promise<void> {
    timers = createManualTimers();
    handled = [];
    pool = createPhpFpmPool(options, timers);
    const app = express();
    app.use(pool.middleware);
    app.get('/sandbox/admin/ping', (_req, res) => void res.send('admin'));
    app.get('/rest/V1/:name', (req, res) => {
      handled.push(req.params.name);
      res.json({ name: req.params.name });
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    timers.fireAll();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('holds each answer for latencyMs, runs at most `workers` at once, queues the rest in order', async () => {
    await start({ latencyMs: 50, workers: 2 });
    const answers = ['a', 'b', 'c', 'd'].map((name) => fetch(`${baseUrl}/rest/V1/${name}`));
    await until(() => pool.stats().busy === 2 && pool.stats().waiting === 2);
    expect(handled).toEqual(['a', 'b']);
    expect(timers.pending.map((timer) => timer.ms)).toEqual([50, 50]);

    timers.advance(50);
    timers.fireAll();
    await until(() => handled.length === 4);
    expect(handled).toEqual(['a', 'b', 'c', 'd']);
    expect(pool.stats()).toMatchObject({ busy: 2, waiting: 0, maxWaiting: 2, served: 4, refused: 0 });

    timers.fireAll();
    const bodies = await Promise.all(answers.map(async (answer) => (await (await answer).json()) as { name: string }));
    expect(bodies.map((body) => body.name)).toEqual(['a', 'b', 'c', 'd']);
    await until(() => pool.stats().busy === 0);
  });

  it('answers 503 when every worker is busy and the backlog is full', async () => {
    await start({ latencyMs: 10, workers: 1, backlog: 1 });
    const first = fetch(`${baseUrl}/rest/V1/first`);
    const second = fetch(`${baseUrl}/rest/V1/second`);
    await until(() => pool.stats().busy === 1 && pool.stats().waiting === 1);

    const refused = await fetch(`${baseUrl}/rest/V1/third`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(await refused.text()).toMatch(/^Service Unavailable/);
    expect(pool.stats().refused).toBe(1);

    timers.advance(10);
    timers.fireAll();
    await until(() => timers.pending.length === 1);
    timers.fireAll();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(handled).toEqual(['first', 'second']);
  });

  it('sends at once when the handler itself took longer than latencyMs', async () => {
    await start({ latencyMs: 5, workers: 1 });
    server.removeAllListeners('request');
    const app = express();
    app.use(pool.middleware);
    app.get('/rest/V1/slow', (_req, res) => {
      timers.advance(20);
      res.json({ ok: true });
    });
    server.on('request', app);
    expect((await fetch(`${baseUrl}/rest/V1/slow`)).status).toBe(200);
    expect(timers.pending).toEqual([]);
  });

  it('lets /sandbox/ paths through without a worker', async () => {
    await start({ latencyMs: 50, workers: 1, backlog: 0 });
    const busy = fetch(`${baseUrl}/rest/V1/busy`);
    await until(() => pool.stats().busy === 1);
    const admin = await fetch(`${baseUrl}/sandbox/admin/ping`);
    expect(await admin.text()).toBe('admin');
    expect(pool.stats()).toMatchObject({ busy: 1, served: 1, refused: 0 });
    timers.fireAll();
    expect((await busy).status).toBe(200);
  });

  it('frees a waiting place when the client hangs up', async () => {
    await start({ latencyMs: 50, workers: 1 });
    const busy = fetch(`${baseUrl}/rest/V1/busy`);
    const controller = new AbortController();
    const gone = fetch(`${baseUrl}/rest/V1/gone`, { signal: controller.signal }).catch((error: Error) => error.name);
    await until(() => pool.stats().waiting === 1);
    controller.abort();
    expect(await gone).toBe('AbortError');
    await until(() => pool.stats().waiting === 0);
    timers.fireAll();
    expect((await busy).status).toBe(200);
    expect(handled).toEqual(['busy']);
  });
});

describe('resolvePhpFpmPool', () => {
  it("has PHP-FPM's defaults: 5 workers (pm.max_children), backlog 511, no latency", () => {
    expect(resolvePhpFpmPool({})).toEqual({ latencyMs: 0, workers: 5, backlog: 511 });
  });

  it('names every bad value in one message', () => {
    expect(() => resolvePhpFpmPool({ latencyMs: -1, workers: 0, backlog: 1.5 })).toThrow(
      'Invalid PHP-FPM pool: latencyMs must be an integer from 0 to 60000 (got -1); workers must be an integer from 1 to 10000 (got 0); backlog must be an integer from 0 to 1000000 (got 1.5).',
    );
  });
});
