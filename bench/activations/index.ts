/**
 * bench/activations: BENCH_STORES (default 1,000) sandbox integrations activated at once against two
 * instances of the integration service (`startIntegrationService` of @magekit/service, each its own
 * process) on one PostgreSQL database, behind a round-robin HTTP proxy on loopback (this process); the
 * sandbox store runs in its own process and times each callback POST as Magento sees it.
 *
 * Baseline (same run): the same Activate burst through the same proxy to a bare node:http endpoint
 * (its own process) that only answers 200, so the ratio is what the service adds to Magento's wait.
 * Run 1: both instances up. Run 2: fresh database and instances; instance b is SIGKILLed once ~30 % of
 * the callbacks were answered; the proxy then sends everything to a (connection refused -> next
 * backend), and every store whose callback b took is counted: active before the kill, completed by a
 * (takeover), cleanly failed, stuck, or lost (no store row).
 *
 * Before each burst, 10 stores are activated (not counted), so it meets warm processes.
 *
 * BENCH_CPU_PROF=<dir> writes `--cpu-prof` profiles of run 1's instances there. BENCH_POOL_SIZE sets each
 * instance's DATABASE_POOL_SIZE (default: the service's, 10).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabase } from './bench-database';
import { startChild, type BenchChild } from './child-process';
import { startRoundRobinProxy, type Backend } from './round-robin-proxy';
import { runActivations, type SandboxHandle } from './run-activations';
import { listProfiles, summarizeProfile } from './profile-summary';
import { backendSpread, callbackSpread, reportBaseline, reportKill, reportRun } from './run-report';

const STORES = Number(process.env.BENCH_STORES ?? 1000);
const DATABASE = 'magekit_bench_activations';
const KEYS = `k1:${randomBytes(32).toString('base64')}`;

interface Instance extends Backend {
  process: BenchChild;
}

/** The environment of one instance: production settings, limits opened to the burst (all stores sign up within minutes). */
function serviceEnv(databaseUrl: string, dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    MAGEKIT_ENCRYPTION_KEYS: KEYS,
    DATA_DIR: dataDir,
    TENANT: 'bench',
    LOG_LEVEL: 'warn',
    STORE_URL_ALLOW_HTTP: 'true',
    STORE_URL_ALLOWED_NETWORKS: '127.0.0.0/8',
    // The proxy on loopback gives each merchant's address in X-Forwarded-For.
    TRUST_PROXY: 'loopback',
    THROTTLE_CALLBACK_GLOBAL: String(STORES * 2),
    PENDING_STORES_MAX: String(STORES * 2),
    ...(process.env.BENCH_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE } : {}),
  };
}

async function startInstance(
  name: string,
  databaseUrl: string,
  dataDir: string,
  profileDir?: string,
): Promise<Instance> {
  const nodeArgs = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`]
    : [];
  const child = startChild('service-process.ts', serviceEnv(databaseUrl, join(dataDir, name)), nodeArgs);
  const ready = await child.next<{ type: string; port: number }>('ready', 180_000);
  return { name, port: ready.port, process: child };
}

/** A merchant's own address (the callback's X-Forwarded-For), one per store. */
function merchantAddress(consumerKey: string): string {
  const n = parseInt(consumerKey.slice(0, 6), 36) % 65_000;
  return `10.77.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

const log = (line: string) => console.log(line);
const quiet = () => undefined;
/** Stores activated before each measured burst, so that it meets warm processes (JIT, pools, connections). */
const WARM_UP = 10;

async function main(): Promise<void> {
  const database = benchDatabase(DATABASE);
  const dataDir = mkdtempSync(join(tmpdir(), 'magekit-bench-activations-'));
  const children: BenchChild[] = [];
  const proxy = await startRoundRobinProxy(merchantAddress);
  try {
    await database.recreate();
    const sandboxChild = startChild('sandbox-process.ts', {});
    children.push(sandboxChild);
    const bareChild = startChild('bare-process.ts', {});
    children.push(bareChild);
    const [sandboxReady, bareReady] = await Promise.all([
      sandboxChild.next<{ type: string; url: string; adminToken: string }>('ready', 180_000),
      bareChild.next<{ type: string; port: number }>('ready'),
    ]);
    const sandbox: SandboxHandle = {
      child: sandboxChild,
      url: sandboxReady.url.replace(/\/$/, ''),
      adminToken: sandboxReady.adminToken,
    };
    let a = await startInstance('a', database.url, dataDir, process.env.BENCH_CPU_PROF);
    let b = await startInstance('b', database.url, dataDir, process.env.BENCH_CPU_PROF);
    children.push(a.process, b.process);

    console.log(
      `${STORES} stores click Activate at once; sandbox, instances a and b, the bare endpoint each in their own process; proxy and bench in this one`,
    );
    console.log(`\nbaseline: callbacks to a bare node:http endpoint through the same proxy`);
    proxy.route([{ name: 'bare', port: bareReady.port }]);
    await runActivations(sandbox, proxy, null, {
      count: WARM_UP,
      prefix: 'warm-bare',
      expectStores: false,
      log: quiet,
    });
    const baseline = await runActivations(sandbox, proxy, null, {
      count: STORES,
      prefix: 'bare',
      expectStores: false,
      log,
    });
    for (const line of reportBaseline(baseline)) console.log(line);
    const bare = { magento: callbackSpread(baseline), backend: backendSpread(baseline) };

    console.log(`\nrun 1: two instances (a, b) on PostgreSQL, round-robin`);
    proxy.route([a, b]);
    await runActivations(sandbox, proxy, database, {
      count: WARM_UP,
      prefix: 'warm-one',
      expectStores: true,
      log: quiet,
    });
    const first = await runActivations(sandbox, proxy, database, {
      count: STORES,
      prefix: 'one',
      expectStores: true,
      log,
    });
    for (const line of reportRun(first, bare)) console.log(line);

    await Promise.all([a.process.stop(), b.process.stop()]);
    if (process.env.BENCH_CPU_PROF)
      for (const file of listProfiles(process.env.BENCH_CPU_PROF)) {
        console.log(`\nCPU profile of run 1, ${file} (warm-up, burst and takeover until the instance stopped)`);
        for (const line of summarizeProfile(file)) console.log(`  ${line}`);
      }
    await database.recreate();
    a = await startInstance('a', database.url, dataDir);
    b = await startInstance('b', database.url, dataDir);
    children.push(a.process, b.process);
    console.log(`\nrun 2: fresh database and instances; b is SIGKILLed after ~30 % of the callbacks`);
    proxy.route([a, b]);
    await runActivations(sandbox, proxy, database, {
      count: WARM_UP,
      prefix: 'warm-two',
      expectStores: true,
      log: quiet,
    });
    const second = await runActivations(sandbox, proxy, database, {
      count: STORES,
      prefix: 'two',
      expectStores: true,
      kill: { child: b.process, name: 'b', afterShare: 0.3 },
      log,
    });
    for (const line of reportKill(second, 'b', 'a', bare)) console.log(line);
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await proxy.close();
    await database.drop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
