/**
 * bench/stores-10k, probes: BullMQ probe scheduling for 10,000 active stores on PostgreSQL, shared
 * by two integration service instances (two child processes running `startIntegrationService`
 * with the same database, Redis and queue prefix), every store pointing at one loopback fake
 * store front that answers the probe call after a little latency and logs each probe.
 *
 * Printed: for each probe interval of the soak, the stores probed, stores probed twice (must be 0),
 * stores missed, the burst's stores/s and probe-batch jobs/s; the ratio of stores/s against the
 * former scheduler (one `probe-due` job per interval running `probeDue(20)` in at most 50 rounds,
 * one store at a time, on one instance), measured first in the same run; each instance's RSS idle
 * with 10,000 stores (after boot and two GCs) and during a bounded soak (`BENCH_SOAK_SECONDS`,
 * default 300) sampled every 10 s: first, last, max and slope (MB/min), and RSS against the number
 * of store clients the instance holds (KB per client, and the growth left beside them).
 *
 * Standalone: `node --expose-gc --conditions=@magekit/source --require @swc-node/register
 * bench/stores-10k/probes.ts` (with `SWC_NODE_PROJECT=bench/tsconfig.json`, as bench/run.mjs runs benches).
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { createMagekitDataSource } from '@magekit/nest';
import { MAINTENANCE_QUEUE, PROBE_QUEUE } from '@magekit/service';
import {
  benchPostgresOptions,
  createBenchDatabase,
  createBenchKeys,
  dropBenchDatabase,
  seedStores,
} from '../lib/seed-stores';
import { startFakeProbeStore, type FakeProbeStore } from './probes-fake-store';
import type { ProbeInstanceMessage, ProbeInstanceSettings } from './probes-instance';
import { countPerInterval, fitSlope, mb, median, slopePerMinute } from './probes-report';

export interface ProbeBenchOptions {
  /** Active stores (default `BENCH_PROBE_STORES` or 10,000). */
  stores?: number;
  /** Length of the probing soak (default `BENCH_SOAK_SECONDS` or 300). */
  soakSeconds?: number;
  /** The module's `probe.intervalMs`, in seconds (default `BENCH_PROBE_INTERVAL_SECONDS` or 100: three intervals in the default soak). */
  intervalSeconds?: number;
  /** Latency of the fake store's answer (default `BENCH_STORE_LATENCY_MS` or 5). */
  latencyMs?: number;
  /** Default `BENCH_REDIS_URL` or redis://127.0.0.1:6379/0. */
  redisUrl?: string;
}

/** The bench's own database (`BENCH_PROBES_DATABASE` names another, e.g. for a second run at the same time). */
const DATABASE = process.env.BENCH_PROBES_DATABASE ?? 'magekit_bench_probes';
const TICK_MS = 1000;
const SAMPLE_MS = 10_000;
/** A slope (MB/min) below this over the warm soak is reported as no growth. */
const NO_GROWTH_MB_PER_MIN = 0.5;

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Instance {
  child: ChildProcess;
  pid: number;
  next<T extends ProbeInstanceMessage['type']>(type: T): Promise<Extract<ProbeInstanceMessage, { type: T }>>;
  stop(): Promise<void>;
}

function startInstance(settings: ProbeInstanceSettings): Promise<Instance> {
  const child = fork(join(__dirname, 'probes-instance.ts'), [], {
    execArgv: [
      '--expose-gc',
      '--conditions=@magekit/source',
      '--require',
      '@swc-node/register',
      // BENCH_PROBES_CPU_PROF=<dir>: a .cpuprofile per instance, for `node --cpu-prof` summaries.
      ...(process.env.BENCH_PROBES_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROBES_CPU_PROF}`]
        : []),
    ],
    env: {
      ...process.env,
      SWC_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json'),
      BENCH_PROBES_INSTANCE: JSON.stringify(settings),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends ProbeInstanceMessage['type']>(type: T) =>
    new Promise<Extract<ProbeInstanceMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: ProbeInstanceMessage) => {
        if (message.type === 'error') reject(new Error(`bench instance failed: ${message.message}`));
        else if (message.type === type) resolve(message as Extract<ProbeInstanceMessage, { type: T }>);
        else return;
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onExit = (code: number | null) => reject(new Error(`bench instance exited (${code}) before ${type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.send({ type: 'stop' });
    });
  return next('ready').then(({ pid }) => ({ child, pid, next, stop }));
}

/** One sample of every instance: RSS, heap and store clients, without a forced GC. */
interface Sample {
  at: number;
  of: Extract<ProbeInstanceMessage, { type: 'sample' }>[];
}

async function sampleAll(instances: Instance[]): Promise<Sample> {
  const at = Date.now();
  const of = await Promise.all(
    instances.map((instance) => {
      const answer = instance.next('sample');
      instance.child.send({ type: 'sample' });
      return answer;
    }),
  );
  return { at, of };
}

async function memoryOf(instance: Instance): Promise<Extract<ProbeInstanceMessage, { type: 'memory' }>> {
  const answer = instance.next('memory');
  instance.child.send({ type: 'memory' });
  return answer;
}

/** The former scheduler's rate on one instance: one run of its job body over due stores. */
async function measureLegacy(
  settings: ProbeInstanceSettings,
  data: DataSource,
  store: FakeProbeStore,
): Promise<number> {
  const instance = await startInstance({ ...settings, redisUrl: null });
  try {
    await data.query(`UPDATE magekit_stores SET last_probed_at = '2000-01-01T00:00:00Z'`);
    const answer = instance.next('legacy');
    instance.child.send({ type: 'legacy' });
    const { probed, ms } = await answer;
    const rate = (probed / ms) * 1000;
    console.log(
      `  former probe-due job, 1 instance:  ${probed} stores in ${(ms / 1000).toFixed(1)} s = ${rate.toFixed(0)} stores/s (fake store saw ${store.times.length} probes; load ${load()})`,
    );
    return rate;
  } finally {
    await instance.stop();
    await data.query(`UPDATE magekit_stores SET last_probed_at = now() + interval '1 day'`);
    store.stores.length = 0;
    store.times.length = 0;
  }
}

/** Deletes the bench's BullMQ keys. */
async function removeQueues(redisUrl: string, prefix: string): Promise<void> {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  for (const name of [MAINTENANCE_QUEUE, PROBE_QUEUE]) {
    const queue = new Queue(name, { connection, prefix });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  connection.disconnect();
}

export async function runProbeBench(options: ProbeBenchOptions = {}): Promise<void> {
  const count = options.stores ?? Number(process.env.BENCH_PROBE_STORES ?? 10_000);
  const soakMs = (options.soakSeconds ?? Number(process.env.BENCH_SOAK_SECONDS ?? 300)) * 1000;
  const intervalMs = (options.intervalSeconds ?? Number(process.env.BENCH_PROBE_INTERVAL_SECONDS ?? 100)) * 1000;
  const latencyMs = options.latencyMs ?? Number(process.env.BENCH_STORE_LATENCY_MS ?? 5);
  const redisUrl = options.redisUrl ?? process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
  const prefix = `magekit-bench-probes-${process.pid}`;
  console.log(
    `\nProbes: ${count.toLocaleString('en-US')} active stores on PostgreSQL (${DATABASE}), one loopback store front (${latencyMs} ms latency), probe interval ${intervalMs / 1000} s, probe-due every ${TICK_MS / 1000} s, soak ${soakMs / 1000} s`,
  );
  console.log(`  load average at start: ${load()}`);
  const store = await startFakeProbeStore(latencyMs);
  await createBenchDatabase(DATABASE);
  const { host, port, username } = benchPostgresOptions(DATABASE) as { host: string; port: number; username: string };
  const data = createMagekitDataSource({ ...benchPostgresOptions(DATABASE), migrationsRun: false });
  const instances: Instance[] = [];
  try {
    await data.initialize();
    await data.runMigrations();
    const keys = createBenchKeys();
    const seeded = await seedStores(data, {
      count,
      keys,
      baseUrl: (i) => store.baseUrl(i),
      statusOf: () => 'active',
      imsEvery: 0,
    });
    console.log(`  seeded ${count.toLocaleString('en-US')} stores in ${(seeded.ms / 1000).toFixed(1)} s`);
    // Not due until the soak starts: probed "tomorrow".
    await data.query(`UPDATE magekit_stores SET last_probed_at = now() + interval '1 day'`);
    const settings: ProbeInstanceSettings = {
      databaseUrl: `postgres://${username}@${host}:${port}/${DATABASE}`,
      redisUrl,
      keys: `${keys.activeKeyId}:${keys.keys[keys.activeKeyId]}`,
      prefix,
      tickMs: TICK_MS,
      intervalMs,
    };
    const legacyRate = await measureLegacy(settings, data, store);

    instances.push(await startInstance(settings), await startInstance(settings));
    await sleep(5_000);
    const idle = await Promise.all(instances.map(memoryOf));
    idle.forEach((memory, i) =>
      console.log(
        `  instance ${i + 1} idle with ${count.toLocaleString('en-US')} stores (after boot and GC): RSS ${mb(memory.rss)}, heap ${mb(memory.heapUsed)} (load ${load()})`,
      ),
    );

    const completed: number[] = [];
    const events = new QueueEvents(PROBE_QUEUE, { connection: { url: redisUrl }, prefix });
    events.on('completed', () => void completed.push(Date.now()));
    await events.waitUntilReady();
    // The soak starts with an interval: every store becomes due at its first instant.
    const soakStart = Math.ceil((Date.now() + 1) / intervalMs) * intervalMs;
    await sleep(soakStart - Date.now());
    await data.query(`UPDATE magekit_stores SET last_probed_at = NULL WHERE status = 'active'`);
    const soakEnd = soakStart + soakMs;
    const samples: Sample[] = [];
    while (Date.now() < soakEnd) {
      samples.push(await sampleAll(instances));
      await sleep(Math.min(SAMPLE_MS, Math.max(0, soakEnd - Date.now())));
    }
    samples.push(await sampleAll(instances));
    const after = await Promise.all(instances.map(memoryOf));
    await events.close();

    report({ count, intervalMs, soakStart, soakEnd, store, completed, legacyRate, samples, after });
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    await removeQueues(redisUrl, prefix);
    if (data.isInitialized) await data.destroy();
    await dropBenchDatabase(DATABASE);
    await store.close();
  }
  console.log(`  load average at end: ${load()}`);
}

interface ReportInput {
  count: number;
  intervalMs: number;
  soakStart: number;
  soakEnd: number;
  store: FakeProbeStore;
  completed: number[];
  legacyRate: number;
  samples: Sample[];
  after: Extract<ProbeInstanceMessage, { type: 'memory' }>[];
}

function report(input: ReportInput): void {
  const { count, intervalMs, soakStart, soakEnd, store, completed, legacyRate, samples, after } = input;
  const intervals = countPerInterval(store.stores, store.times, count, intervalMs, soakStart, soakEnd);
  const rates: number[] = [];
  const jobRates: number[] = [];
  console.log(`\n  probes per store per interval (2 instances, from the fake store's log):`);
  for (const [n, interval] of intervals.entries()) {
    const seconds = interval.first === null ? 0 : Math.max(1, (interval.last ?? 0) - interval.first) / 1000;
    const jobs = completed.filter((at) => at >= interval.start && at < interval.start + intervalMs).length;
    const rate = seconds > 0 ? interval.probed / seconds : 0;
    rates.push(rate);
    jobRates.push(seconds > 0 ? jobs / seconds : 0);
    console.log(
      `    interval ${n + 1}: ${interval.probed} probed, ${interval.twice} twice, ${interval.missed} missed, max ${interval.max}/store; burst ${seconds.toFixed(1)} s = ${rate.toFixed(0)} stores/s, ${jobs} probe-batch jobs = ${(seconds > 0 ? jobs / seconds : 0).toFixed(1)} jobs/s`,
    );
  }
  const twice = intervals.reduce((sum, interval) => sum + interval.twice, 0);
  const missed = intervals.reduce((sum, interval) => sum + interval.missed, 0);
  const max = Math.max(0, ...intervals.map((interval) => interval.max));
  console.log(
    `  over ${intervals.length} intervals: max ${max} probe(s) per store per interval, ${twice} store-intervals probed twice, ${missed} missed; ${store.others} other requests`,
  );
  const rate = median(rates);
  console.log(
    `  median ${rate.toFixed(0)} stores/s, ${median(jobRates).toFixed(1)} jobs/s: ${(rate / legacyRate).toFixed(2)}x the former probe-due job on one instance (baseline, ${legacyRate.toFixed(0)} stores/s, same run)`,
  );
  reportMemory(samples, after, soakStart + intervalMs);
}

function reportMemory(
  samples: Sample[],
  after: Extract<ProbeInstanceMessage, { type: 'memory' }>[],
  warmFrom: number,
): void {
  console.log(`\n  RSS during the soak (every ${SAMPLE_MS / 1000} s, no forced GC):`);
  for (const [i, memory] of after.entries()) {
    const times = samples.map((sample) => sample.at);
    const rss = samples.map((sample) => sample.of[i].rss / 1024 / 1024);
    const clients = samples.map((sample) => sample.of[i].clients);
    const warm = samples.filter((sample) => sample.at >= warmFrom);
    const steady = slopePerMinute(
      warm.map((sample) => sample.at),
      warm.map((sample) => sample.of[i].rss / 1024 / 1024),
    );
    // RSS against the store clients this instance holds: what each costs, and the growth left beside them.
    const perClient = fitSlope(clients, rss);
    const beside = slopePerMinute(
      times,
      rss.map((value, k) => value - perClient * clients[k]),
    );
    console.log(
      `    instance ${i + 1}: first ${rss[0].toFixed(1)} MB, last ${rss[rss.length - 1].toFixed(1)} MB, max ${Math.max(...rss).toFixed(1)} MB; slope ${slopePerMinute(times, rss).toFixed(2)} MB/min over the soak, ${steady.toFixed(2)} MB/min from the second interval (${warm.length} samples)`,
    );
    console.log(`      samples (MB/clients): ${rss.map((value, k) => `${value.toFixed(0)}/${clients[k]}`).join(' ')}`);
    console.log(
      `      store clients ${clients[0].toLocaleString('en-US')} -> ${clients[clients.length - 1].toLocaleString('en-US')}; RSS per client ${(perClient * 1024).toFixed(1)} KB (least squares); growth beside the clients ${beside.toFixed(2)} MB/min`,
    );
    console.log(
      `      ${warm.length >= 3 && steady < NO_GROWTH_MB_PER_MIN ? `no growth from the second interval (< ${NO_GROWTH_MB_PER_MIN} MB/min)` : `grows ${steady.toFixed(2)} MB/min from the second interval`}; after the soak and GC: RSS ${mb(memory.rss)}, heap ${mb(memory.heapUsed)}, ${memory.clients.toLocaleString('en-US')} store clients`,
    );
  }
}

if (require.main === module)
  runProbeBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
