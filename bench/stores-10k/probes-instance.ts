/**
 * One integration service for bench/stores-10k/probes.ts, run in a child process forked with an
 * IPC channel: `startIntegrationService` of @magekit/service (the real service: PostgreSQL, Redis
 * when `redisUrl` is set, its HTTP port) with the settings in `BENCH_PROBES_INSTANCE` (JSON). It
 * says `ready`, then answers the parent's messages: `memory` (after two full GCs: RSS, heap, store
 * clients), `sample` (the same without GC), `legacy` (runs the body of the former one-job-per-interval `probe-due` job once and
 * says how many stores it probed in how long), `stop`. `BENCH_STORE_CLIENT_IDLE_MS` sets the module's
 * `storeClients.idleMs` (default its own, 5 minutes), e.g. to see idle clients go within a short soak.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreClientRegistry, StoreHealthService } from '@magekit/nest';
import { startIntegrationService, type ProbeScheduling } from '@magekit/service';

export interface ProbeInstanceSettings {
  databaseUrl: string;
  /** Null: no queue; the module's timer is off too, the parent drives `legacy` runs. */
  redisUrl: string | null;
  /** `MAGEKIT_ENCRYPTION_KEYS`. */
  keys: string;
  prefix: string;
  /** How often `probe-due` runs (ms). */
  tickMs: number;
  /** The module's `probe.intervalMs`. */
  intervalMs: number;
  scheduling?: Partial<ProbeScheduling>;
}

export type ProbeInstanceMessage =
  | { type: 'ready'; pid: number }
  | { type: 'memory'; rss: number; heapUsed: number; external: number; clients: number }
  | { type: 'sample'; rss: number; heapUsed: number; clients: number }
  | { type: 'legacy'; probed: number; ms: number }
  | { type: 'error'; message: string };

/** Rounds and stores per round of the former `probe-due` job (at most 1,000 stores a run). */
const LEGACY_ROUNDS = 50;
const LEGACY_PER_ROUND = 20;

const send = (message: ProbeInstanceMessage) => process.send?.(message);
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const settings = JSON.parse(process.env.BENCH_PROBES_INSTANCE ?? '') as ProbeInstanceSettings;
  const dataDir = mkdtempSync(join(tmpdir(), 'mk-bench-probes-'));
  const service = await startIntegrationService({
    env: {
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: settings.databaseUrl,
      REDIS_URL: settings.redisUrl ?? undefined,
      MAGEKIT_ENCRYPTION_KEYS: settings.keys,
      LOG_LEVEL: 'warn',
      STORE_URL_ALLOW_HTTP: 'true',
      STORE_URL_ALLOWED_NETWORKS: '127.0.0.0/8',
    },
    log: (line) => void process.stderr.write(line),
    print: () => undefined,
    showCredentials: false,
    magento: {
      probe: { intervalMs: settings.intervalMs, ...(settings.redisUrl ? {} : { scheduler: 'external' }) },
      ...(process.env.BENCH_STORE_CLIENT_IDLE_MS
        ? { storeClients: { idleMs: Number(process.env.BENCH_STORE_CLIENT_IDLE_MS) } }
        : {}),
    },
    queue: { prefix: settings.prefix, probeIntervalMs: settings.tickMs, ...settings.scheduling },
  });
  const health = service.app.get(StoreHealthService);
  const clients = service.app.get(StoreClientRegistry);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'memory') void reportMemory(clients.size);
    else if (message.type === 'sample') {
      const { rss, heapUsed } = process.memoryUsage();
      send({ type: 'sample', rss, heapUsed, clients: clients.size });
    } else if (message.type === 'legacy') void runLegacyJob(health);
    else if (message.type === 'stop')
      void service
        .close()
        .finally(() => rmSync(dataDir, { recursive: true, force: true }))
        .then(() => process.exit(0));
  });
  send({ type: 'ready', pid: process.pid });
}

async function reportMemory(clients: number): Promise<void> {
  for (let i = 0; i < 2; i++) {
    global.gc?.();
    await settle(500);
  }
  const { rss, heapUsed, external } = process.memoryUsage();
  send({ type: 'memory', rss, heapUsed, external, clients });
}

/** The former job: `probeDue(20)` until a round finds fewer than 20, at most 50 rounds, one store at a time. */
async function runLegacyJob(health: StoreHealthService): Promise<void> {
  const started = performance.now();
  let probed = 0;
  for (let round = 0; round < LEGACY_ROUNDS; round += 1) {
    const count = await health.probeDue(LEGACY_PER_ROUND);
    probed += count;
    if (count < LEGACY_PER_ROUND) break;
  }
  send({ type: 'legacy', probed, ms: performance.now() - started });
}

if (require.main === module)
  main().catch((error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
