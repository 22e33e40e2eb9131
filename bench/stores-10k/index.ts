/**
 * bench/stores-10k: 10,000 stores on PostgreSQL, the admin API's stores list and the dashboard.
 *
 * Creates `magekit_bench_stores` on 127.0.0.1:5432, migrates it and seeds 10,000 stores (with
 * activations, timelines, failed calls and security events; bench/lib/seed-stores.ts), then starts
 * the integration service in this process on that database with a dashboard built for this run.
 * Printed: EXPLAIN ANALYZE of every query behind the dashboard's stores page requests, with and
 * without the store-list indexes (`STORE_LIST_INDEXES` and the trigram search index, dropped and
 * created again in this run); the server-side time of each request kind (sequential requests on
 * one keep-alive loopback connection, timed in-process from `request` to `finish`) without and then
 * with the indexes, and their ratio; the time Chromium takes to show the first row and the count
 * on the stores page of a signed-in session, with a screenshot. Then `runProbeBench` of
 * ./probes.ts when that file exists (it gets the bench database's DataSource options, migrated and
 * emptied), and the database is dropped. The load average is printed next to the numbers.
 *
 * BENCH_STORES (10000), BENCH_REQUESTS per case (200), BENCH_VERBOSE=1 prints the full plans,
 * BENCH_PROBES=0 leaves ./probes.ts out, BENCH_CPU_PROFILE=1 profiles the measurement with the indexes
 * (this process: service and client) and prints a summary.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { createMagekitDataSource, type KeyRingConfig } from '@magekit/nest';
import {
  benchPostgresOptions,
  createBenchDatabase,
  createBenchKeys,
  dropBenchDatabase,
  seedStores,
  type SeededStores,
} from '../lib/seed-stores';
import { profilePhase } from './cpu-profile';
import { measureDashboardRender, type RenderResult } from './dashboard-render';
import { printPlans, printSqlRatios } from './explain';
import {
  createTimedClient,
  mergeResults,
  runCases,
  type CaseResult,
  type RequestCase,
  type TimedClient,
} from './latency';
import { buildListCases } from './list-cases';
import { printComparison, type Comparison } from './report';
import { buildDashboard, setListIndexes, startBenchService } from './service';

const DATABASE = 'magekit_bench_stores';
const STORES = Number(process.env.BENCH_STORES ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const ROUNDS = 4;

const load = () =>
  `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`;

async function seedDatabase(options: DataSourceOptions, keys: KeyRingConfig): Promise<SeededStores> {
  const dataSource = createMagekitDataSource(options);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const seeded = await seedStores(dataSource, { count: STORES, keys });
    // What autovacuum does soon after a bulk load: statistics and the visibility map.
    await dataSource.query('VACUUM ANALYZE');
    const rows = Object.entries(seeded.rows)
      .map(([table, count]) => `${count.toLocaleString('en-US')} ${table}`)
      .join(', ');
    console.log(`Seeded ${rows} in ${(seeded.ms / 1000).toFixed(1)} s (${load()})`);
    return seeded;
  } finally {
    await dataSource.destroy();
  }
}

/** `runProbeBench` of ./probes.ts, when present, on the emptied bench database. */
async function runProbesIfPresent(options: DataSourceOptions): Promise<void> {
  if (!existsSync(join(__dirname, 'probes.ts')) || process.env.BENCH_PROBES === '0') return;
  const dataSource = createMagekitDataSource(options);
  await dataSource.initialize();
  await dataSource.query(
    'TRUNCATE magekit_activation_events, magekit_activations, magekit_store_call_failures, magekit_security_events, magekit_identity_links, magekit_api_tokens, magekit_sign_in_attempts, magekit_stores, magekit_vendor_accounts CASCADE',
  );
  await dataSource.destroy();
  const modulePath = './probes';
  const probes = (await import(modulePath)) as { runProbeBench(options: DataSourceOptions): Promise<unknown> };
  await probes.runProbeBench(options);
}

/**
 * Without and with the indexes in {@link ROUNDS} alternating rounds (indexes dropped or created
 * between them, the order swapped every round), so that the machine's load swings hit both alike.
 */
async function measureAlternating(
  dataSource: DataSource,
  client: TimedClient,
  cases: RequestCase[],
): Promise<{ without: CaseResult[]; with: CaseResult[]; loads: string[] }> {
  let without: CaseResult[] = [];
  let withIndexes: CaseResult[] = [];
  const loads: string[] = [];
  const perRound = Math.ceil(REQUESTS / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const present of round % 2 === 0 ? [false, true] : [true, false]) {
      await setListIndexes(dataSource, present);
      const results = await runCases(client, cases, perRound, 5, round * perRound);
      if (present) withIndexes = mergeResults(withIndexes, results);
      else without = mergeResults(without, results);
    }
    loads.push(load());
  }
  return { without, with: withIndexes, loads };
}

function printRender(render: RenderResult): void {
  const ms = (runs: number[]) => runs.map((value) => `${Math.round(value)} ms`).join(', ');
  console.log(
    `\nDashboard stores page in Chromium (signed in, ${STORES.toLocaleString('en-US')} stores): first row and count after ${ms(render.runs)} (reload); ${ms(render.fromBlank)} (from about:blank, new renderer) (${load()})`,
  );
  console.log(`  "All" count shown: ${render.allCount}; API requests: ${render.requests.join(' ')}`);
  const thread = render.mainThread.map(
    (m) =>
      `${Math.round(m.task)} (script ${Math.round(m.script)}, layout ${Math.round(m.layout)}, style ${Math.round(m.style)})`,
  );
  console.log(`  renderer main thread busy per reload, ms: ${thread.join('; ')}`);
  console.log(`  last run, ms since navigation start: ${render.timeline.join(', ')}`);
  console.log(`  screenshot: ${render.screenshot}`);
}

/** Steps 2-4 on a seeded database: plans, latency without and with the indexes, the dashboard. */
async function measureService(
  seeded: SeededStores,
  keys: KeyRingConfig,
): Promise<{ comparison: Comparison & { sqlRatio: number }; render: RenderResult }> {
  const service = await startBenchService(DATABASE, keys, buildDashboard());
  const client = createTimedClient(service.server, service.base, service.apiToken);
  try {
    const cases = buildListCases(seeded.stores);
    const plans = (title: string) => printPlans(`${title} (${load()})`, service.dataSource, client, cases);
    const sqlWith = await plans('EXPLAIN ANALYZE with the indexes');
    await setListIndexes(service.dataSource, false);
    const sqlWithout = await plans('EXPLAIN ANALYZE without the indexes');
    const sqlRatio = printSqlRatios(cases, sqlWithout, sqlWith);
    const measure = () => measureAlternating(service.dataSource, client, cases);
    const measured = await (process.env.BENCH_CPU_PROFILE ? profilePhase('latency', measure) : measure());
    const comparison = { ...printComparison(measured.without, measured.with, measured.loads), sqlRatio };
    await setListIndexes(service.dataSource, true);
    const render = await measureDashboardRender(service.dashboardUrl, service.apiToken);
    printRender(render);
    return { comparison, render };
  } finally {
    client.close();
    await service.close();
  }
}

async function main(): Promise<void> {
  console.log(`stores-10k: ${STORES.toLocaleString('en-US')} stores on PostgreSQL (${load()})`);
  const options = benchPostgresOptions(DATABASE);
  await createBenchDatabase(DATABASE);
  const { comparison, render } = await (async () => {
    const keys = createBenchKeys();
    const measured = await measureService(await seedDatabase(options, keys), keys);
    await runProbesIfPresent(options);
    return measured;
  })().finally(() => dropBenchDatabase(DATABASE));
  const median = [...render.runs].sort((a, b) => a - b)[Math.floor(render.runs.length / 2)];
  console.log(
    `\nstores-10k: list p95 ${comparison.withP95.toFixed(1)} ms (${comparison.ratio.toFixed(1)}x faster than without indexes; their SQL ${comparison.sqlRatio.toFixed(1)}x), dashboard rendered in ${Math.round(median)} ms (${load()})`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
