import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAGEKIT_BIN } from '../../testing/fake-io';
import { runBinAsync } from '../../testing/run-bin-async';

// Starts the sandbox and apps/integration's build as child processes; CI runs every project at once on 2 cores.
jest.setTimeout(180_000);

/** Environment of the runs: the app's SQLite in the scratch folder, no Redis, the default sandbox admin token. */
const ENV = {
  DATABASE_URL: '',
  REDIS_URL: '',
  SANDBOX_ADMIN_TOKEN: '',
  REQUIRED_RESOURCES: '',
  MAGEKIT_CALLS_FILE: '',
  NODE_ENV: 'development',
};

interface Ready {
  appUrl: string;
  dashboardUrl: string;
  apiToken: string;
  sandboxUrl: string;
  storeStatus: string;
}

interface DevRun {
  child: ChildProcess;
  ready: Promise<Ready>;
  readyAfterMs: () => number;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `magekit dev --no-build --json` in `cwd`; `ready` resolves with its one JSON line. */
function startDev(cwd: string, extra: string[] = []): DevRun {
  const started = Date.now();
  let readyAt = 0;
  const child = spawn(
    process.execPath,
    [MAGEKIT_BIN, 'dev', '--no-build', '--json', '--seed-products', '50', ...extra],
    { cwd, env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<Ready>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('\n')) {
        readyAt = Date.now();
        resolve(JSON.parse(stdout.slice(0, stdout.indexOf('\n'))) as Ready);
      }
    });
    void exited.then((code) => reject(new Error(`magekit dev exited with ${code} before it was ready:\n${stderr}`)));
  });
  return { child, ready, readyAfterMs: () => readyAt - started, stderr: () => stderr, exited };
}

/** Pids of the direct children of a process (procps `ps`). */
function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((value) => value > 0);
  } catch {
    return [];
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stores(
  ready: Ready,
  token = ready.apiToken,
): Promise<{ status: number; items: Array<{ consumerKey: string; status: string; storeBaseUrl: string }> }> {
  const response = await fetch(`${ready.appUrl}/api/stores`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    items: response.status === 200 ? ((await response.json()) as { items: [] }).items : [],
  };
}

describe('magekit dev (built bin, apps/integration build, real sandbox)', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'mk-cli-dev-'));
  const times: string[] = [];
  let first: Ready;
  let consumerKey: string;

  afterAll(() => {
    process.stderr.write(`magekit dev ready times: ${times.join(', ')}\n`);
    rmSync(cwd, { recursive: true, force: true });
  });

  it('first run: prints one JSON line once the store is active; the dashboard answers and the API token works', async () => {
    const run = startDev(cwd);
    first = await run.ready;
    times.push(`first run ${run.readyAfterMs()} ms`);
    expect(Object.keys(first)).toEqual(['appUrl', 'dashboardUrl', 'apiToken', 'sandboxUrl', 'storeStatus']);
    expect(first).toMatchObject({
      storeStatus: 'active',
      apiToken: expect.stringMatching(/^mk_/),
      sandboxUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
    });
    expect((await fetch(first.dashboardUrl)).status).toBe(200);
    const listed = await stores(first);
    expect(listed.status).toBe(200);
    expect(listed.items).toEqual([expect.objectContaining({ status: 'active', storeBaseUrl: first.sandboxUrl })]);
    consumerKey = listed.items[0].consumerKey;
    expect(run.stderr()).toContain('[sandbox] magekit sandbox store listening on');
    expect(run.stderr()).toContain('[app] magekit integration service listening on');
    expect(run.stderr()).toMatch(/\[dev\] ready in [\d.]+ s \(store activated\)/);

    const children = childPids(run.child.pid as number);
    expect(children.length).toBe(2);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(children.filter(isAlive)).toEqual([]);
    await expect(fetch(first.appUrl)).rejects.toThrow();
    await expect(fetch(first.sandboxUrl)).rejects.toThrow();
  });

  it('second run: reuses the data, the same store (consumer key) still active, a new API token', async () => {
    const run = startDev(cwd);
    const second = await run.ready;
    times.push(`second run ${run.readyAfterMs()} ms`);
    expect(second).toMatchObject({ storeStatus: 'active', appUrl: first.appUrl, sandboxUrl: first.sandboxUrl });
    expect(second.apiToken).not.toBe(first.apiToken);
    const listed = await stores(second);
    expect(listed.items).toEqual([expect.objectContaining({ consumerKey, status: 'active' })]);
    expect((await stores(second, first.apiToken)).status).toBe(200);
    expect(run.stderr()).toMatch(/\[dev\] store \w+ is active in the app .*: reused/);
    const page = (await fetch(`${second.appUrl}/api/stores`, {
      headers: { authorization: `Bearer ${second.apiToken}` },
    }).then((response) => response.json())) as { items: Array<{ id: string }> };
    const [store] = page.items;
    expect(
      (
        await fetch(`${second.appUrl}/api/stores/${store.id}/revoke`, {
          method: 'POST',
          headers: { authorization: `Bearer ${second.apiToken}` },
        })
      ).status,
    ).toBeLessThan(300);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('third run: a store that is no longer active is reauthorized (same consumer key, active again)', async () => {
    const run = startDev(cwd);
    const third = await run.ready;
    expect(third.storeStatus).toBe('active');
    expect((await stores(third)).items).toEqual([expect.objectContaining({ consumerKey, status: 'active' })]);
    expect(run.stderr()).toContain('[dev] Reauthorize: the sandbox POSTs the credentials');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('a failed step stops what started and exits 1 naming the step and a hint', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const run = startDev(cwd, ['--port', String(taken)]);
      run.ready.catch(() => undefined);
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toMatch(
        /\[dev\] failed to start the app: app exited \(code 1\) before it could log "ready"/,
      );
      expect(run.stderr()).toContain('[dev] hint: ');
      const sandboxUrl = /\[sandbox\] magekit sandbox store listening on (\S+)/.exec(run.stderr())?.[1] ?? '';
      expect(sandboxUrl).not.toBe('');
      await expect(fetch(sandboxUrl)).rejects.toThrow();
    } finally {
      blocker.close();
    }
  });

  it('an unknown app exits 1 naming the step and the known apps', async () => {
    const result = await runBinAsync(['dev', 'no-such-app', '--no-build'], ENV, { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[dev] failed to find the app: no application project named "no-such-app"');
    expect(result.stderr).toMatch(/\[dev\] hint: Give one of: .*integration/);
  });

  it('loading the dev command loads neither Nest nor TypeORM', () => {
    const script = `require(${JSON.stringify(join(MAGEKIT_BIN, '..', '..', 'dist', 'commands', 'dev', 'index.js'))}); process.stdout.write(String(Object.keys(require.cache).filter((file) => /typeorm|@nestjs|@magekit[\\\\/]nest|packages[\\\\/]nest/.test(file)).length))`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()).toBe('0');
  });
});
