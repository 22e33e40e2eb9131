/**
 * bench/admin-api: `GET /api/stores?pageSize=20` with a Bearer token against a bare NestJS `@Get()` of
 * the same app returning the same page as constant JSON (so serialization costs both the same), 200
 * stores, on SQLite (a file, WAL) and then PostgreSQL (database magekit_bench_admin, created and
 * dropped). A third row is the bare `@Get()` behind the module's ApiAuthGuard: the token path alone.
 * Each database runs with the module's token cache (default options) and with `apiTokens.cacheTtlMs: 0`
 * (a token lookup on every request), to show what the cache buys; and each of those with the store
 * list's answer cache (`admin.listCacheMs`, default 1 s) and with `admin.listCacheMs: 0` (the query path:
 * page and count on every request). The closing lines give the list's ratio in both list modes.
 *
 * The load generator is a forked child process (load.ts: N keep-alive node:http connections): in the
 * server's own process it would take event-loop time from the server, and it would take more of it
 * from the faster endpoint, flattening the ratio. Bare and Bearer are measured in alternating slices
 * (order swapped every round) and the printed ratio is the median of the per-round ratios, so a busy
 * machine slows both alike. Next to it, "by CPU" is bare's server CPU time per request over this
 * endpoint's (process.cpuUsage of the server process during the slices): what the ratio would be with
 * the server CPU-bound, and much less moved by other processes on a busy machine. Environment: BENCH_SECONDS (per slice, default 2), BENCH_ROUNDS (default 5),
 * BENCH_CONNECTIONS (default 16), BENCH_STORES (default 200), BENCH_DATABASES (sqlite,postgres),
 * BENCH_CACHE (token cache: on,off), BENCH_LIST_CACHE (list answer cache: on,off), BENCH_ONLY=bare|guarded|list (only that endpoint, to profile it with
 * `node --cpu-prof`),
 * BENCH_PG_HOST/PORT/USER (127.0.0.1, 5432, postgres).
 */
import 'reflect-metadata';
import { Controller, Get, Module, UseGuards, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import {
  ApiAuthGuard,
  createApiToken,
  createMagekitDataSource,
  MAGEKIT_ENTITIES,
  MAGEKIT_MIGRATIONS,
  MagentoIntegrationModule,
} from '@magekit/nest';
import type { LoadRequest, LoadResult } from './load';
import {
  benchPostgresOptions,
  createBenchDatabase,
  createBenchKeys,
  dropBenchDatabase,
  seedStores,
} from '../lib/seed-stores';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const STORES = Number(process.env.BENCH_STORES ?? 200);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const CACHE_MODES = (process.env.BENCH_CACHE ?? 'on,off').split(',');
const LIST_CACHE_MODES = (process.env.BENCH_LIST_CACHE ?? 'on,off').split(',');
const PG_DATABASE = 'magekit_bench_admin';
const PATH = '/api/stores?pageSize=20';
/** `bare`, `guarded` or `list`: load only that endpoint for BENCH_SECONDS x BENCH_ROUNDS (to profile it with --cpu-prof). */
const ONLY = process.env.BENCH_ONLY;

/** The key ring of the service and of the seeded secrets. */
const KEYS = createBenchKeys();

/** The page the bare endpoint answers with: the Bearer endpoint's own answer, captured once. */
let barePage: unknown = null;

@Controller('bare')
class BareController {
  @Get()
  list(): unknown {
    return barePage;
  }

  /** The same constant page behind the module's ApiAuthGuard: the token path alone. */
  @Get('guarded')
  @UseGuards(ApiAuthGuard)
  guarded(): unknown {
    return barePage;
  }
}

/** The module options a run changes: undefined keeps the default. */
interface RunOptions {
  cacheTtlMs: number | undefined;
  listCacheMs: number | undefined;
}

async function startApp(
  database: DataSourceOptions,
  { cacheTtlMs, listCacheMs }: RunOptions,
): Promise<INestApplication> {
  @Module({
    imports: [
      TypeOrmModule.forRootAsync({
        useFactory: () => ({
          ...database,
          entities: [...MAGEKIT_ENTITIES],
          migrations: [...MAGEKIT_MIGRATIONS],
          migrationsRun: true,
        }),
        dataSourceFactory: async (options) => createMagekitDataSource(options!),
      }),
      MagentoIntegrationModule.forRoot({
        encryption: KEYS,
        probe: { intervalMs: 0 },
        sweepIntervalMs: 0,
        ...(cacheTtlMs === undefined ? {} : { apiTokens: { cacheTtlMs } }),
        ...(listCacheMs === undefined ? {} : { admin: { listCacheMs } }),
      }),
    ],
    controllers: [BareController],
  })
  class BenchAppModule {}
  const app = await NestFactory.create(BenchAppModule, { logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  return app;
}

function urlOf(app: INestApplication, path: string): string {
  const { port } = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${port}${path}`;
}

class LoadGenerator {
  private readonly child: ChildProcess;

  constructor() {
    // The child loads TypeScript the same way; a --cpu-prof of the bench profiles the server only.
    const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--cpu-prof'));
    this.child = fork(join(__dirname, 'load.ts'), [], { execArgv });
  }

  run(request: LoadRequest): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      this.child.once('message', (message: LoadResult | { error: string }) =>
        'error' in message ? reject(new Error(message.error)) : resolve(message),
      );
      this.child.send(request);
    });
  }

  close(): void {
    this.child.send('exit');
  }
}

interface Side {
  rates: number[];
  latencies: number[];
  /** Per round: the server process's CPU time (user + system) per answered request, in µs. */
  cpu: number[];
  /** Per round: this side's rate over bare's rate in the same round. */
  ratios: number[];
}

type SideName = 'bare' | 'guarded' | 'list';

const SIDES: Record<SideName, string> = {
  bare: 'bare NestJS @Get() (the same page, constant)',
  guarded: 'the same @Get() behind ApiAuthGuard (Bearer)',
  list: `GET ${PATH} with Bearer`,
};

async function compare(
  load: LoadGenerator,
  app: INestApplication,
  token: string,
): Promise<Record<SideName, Side> | null> {
  const bearer = { authorization: `Bearer ${token}` };
  const targets: Record<SideName, { url: string; headers: Record<string, string> }> = {
    bare: { url: urlOf(app, '/bare'), headers: {} },
    guarded: { url: urlOf(app, '/bare/guarded'), headers: bearer },
    list: { url: urlOf(app, PATH), headers: bearer },
  };
  const slice = async (side: SideName, seconds: number) => {
    const before = process.cpuUsage();
    const result = await load.run({ ...targets[side], seconds, connections: CONNECTIONS });
    const used = process.cpuUsage(before);
    if (result.failed > 0) throw new Error(`${result.failed} ${side} requests failed`);
    return { ...result, cpuPerRequest: (used.user + used.system) / Math.max(1, result.requests) };
  };
  if (ONLY !== undefined) {
    if (!(ONLY in SIDES)) throw new Error(`BENCH_ONLY must be one of ${Object.keys(SIDES).join(', ')}`);
    for (let round = 0; round < ROUNDS; round++) await slice(ONLY as SideName, SECONDS);
    return null;
  }
  const names = Object.keys(SIDES) as SideName[];
  for (const side of names) await slice(side, 1);
  const sides = Object.fromEntries(
    names.map((name): [SideName, Side] => [name, { rates: [], latencies: [], cpu: [], ratios: [] }]),
  ) as Record<SideName, Side>;
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    const rate = {} as Record<SideName, number>;
    for (const side of order) {
      const result = await slice(side, SECONDS);
      rate[side] = result.requests / (result.elapsedMs / 1000);
      sides[side].rates.push(rate[side]);
      sides[side].latencies.push(...result.latencies);
      sides[side].cpu.push(result.cpuPerRequest);
    }
    for (const side of names) sides[side].ratios.push(rate[side] / rate.bare);
  }
  return sides;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function describeSide(name: SideName, side: Side, bare: Side): string {
  const sorted = [...side.latencies].sort((a, b) => a - b);
  const ratios = [...side.ratios].sort((a, b) => a - b);
  const rate = Math.round(median(side.rates)).toLocaleString('en-US').padStart(7);
  const cpu = median(side.cpu);
  const ratio =
    name === 'bare'
      ? '1.00x (baseline)'
      : `${median(side.ratios).toFixed(2)}x of bare (rounds ${ratios[0].toFixed(2)}-${ratios[ratios.length - 1].toFixed(2)}), by CPU ${(median(bare.cpu) / cpu).toFixed(2)}x`;
  return `    ${SIDES[name].padEnd(46)} ${rate} req/s   p50 ${percentile(sorted, 50).toFixed(2)} ms   p99 ${percentile(sorted, 99).toFixed(2)} ms   ${Math.round(cpu).toString().padStart(5)} µs CPU/req   ${ratio}`;
}

/** The list's ratio of one run, for the closing lines. */
interface ListRatio {
  database: string;
  tokenCache: string;
  listCache: string;
  ratio: number;
  byCpu: number;
}

const listRatios: ListRatio[] = [];

function report(title: string, sides: Record<SideName, Side>): void {
  console.log(`  ${title}`);
  for (const name of Object.keys(SIDES) as SideName[]) console.log(describeSide(name, sides[name], sides.bare));
}

async function withDatabase(name: string, run: (options: DataSourceOptions) => Promise<void>): Promise<void> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'magekit-bench-admin-'));
    try {
      await run({ type: 'better-sqlite3', database: join(dir, 'integration.sqlite'), enableWAL: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  await createBenchDatabase(PG_DATABASE);
  try {
    await run(benchPostgresOptions(PG_DATABASE));
  } finally {
    await dropBenchDatabase(PG_DATABASE);
  }
}

/** Seeds the stores (a realistic spread: statuses, vendor accounts, activations) and returns a live API token. */
async function seed(dataSource: DataSource): Promise<string> {
  await seedStores(dataSource, { count: STORES, keys: KEYS });
  return (await createApiToken(dataSource, 'bench')).token;
}

async function benchDatabase(load: LoadGenerator, name: string): Promise<void> {
  await withDatabase(name, async (options) => {
    let token: string | null = null;
    console.log(
      `\n${name === 'sqlite' ? 'SQLite (file, WAL)' : 'PostgreSQL'}, ${STORES} stores, ${CONNECTIONS} keep-alive connections, ${ROUNDS} x ${SECONDS} s slices each`,
    );
    for (const mode of CACHE_MODES)
      for (const listMode of LIST_CACHE_MODES) {
        const app = await startApp(options, {
          cacheTtlMs: mode === 'on' ? undefined : 0,
          listCacheMs: listMode === 'on' ? undefined : 0,
        });
        try {
          token ??= await seed(app.get(DataSource));
          if (barePage === null) {
            const answer = await fetch(urlOf(app, PATH), { headers: { authorization: `Bearer ${token}` } });
            barePage = await answer.json();
          }
          const result = await compare(load, app, token);
          if (!result) continue;
          const tokenCache =
            mode === 'on' ? 'token cache on (default, TTL 5 s)' : 'token cache off (apiTokens.cacheTtlMs: 0)';
          const listCache =
            listMode === 'on'
              ? 'list cache on (default, admin.listCacheMs 1 s)'
              : 'list cache off (admin.listCacheMs: 0)';
          report(`${tokenCache}, ${listCache}`, result);
          listRatios.push({
            database: name,
            tokenCache: mode,
            listCache,
            ratio: median(result.list.ratios),
            byCpu: median(result.bare.cpu) / median(result.list.cpu),
          });
        } finally {
          await app.close();
        }
      }
  });
}

async function main(): Promise<void> {
  const load = new LoadGenerator();
  try {
    console.log(
      `load average at start: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
    for (const name of DATABASES) await benchDatabase(load, name);
    if (listRatios.length > 0) console.log(`\nGET ${PATH} with Bearer against bare (goal 0.7x):`);
    for (const run of listRatios)
      console.log(
        `  ${run.database.padEnd(8)} token cache ${run.tokenCache.padEnd(3)} ${run.listCache.padEnd(47)} ${run.ratio.toFixed(2)}x, by CPU ${run.byCpu.toFixed(2)}x`,
      );
    console.log(
      `\nload average at end: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    load.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
