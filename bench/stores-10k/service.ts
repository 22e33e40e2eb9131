/**
 * The integration service of bench/stores-10k, in this process: @magekit/service on the bench
 * database with the seeder's key, background probes and sweeps off (the seeded stores are not
 * reachable), a dashboard built for this run, and an API token made for the bench.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import {
  createApiToken,
  createStoreListIndexes,
  dropStoreListIndexes,
  STORE_LIST_INDEXES,
  type KeyRingConfig,
} from '@magekit/nest';
import { startIntegrationService } from '@magekit/service';

const ROOT = join(__dirname, '..', '..');

export interface BenchService {
  server: Server;
  base: string;
  dashboardUrl: string;
  apiToken: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Builds apps/dashboard (as it is in the working tree) into a temporary folder; returns that folder. */
export function buildDashboard(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'mk-bench-dashboard-'));
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'vite.config.mts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: join(ROOT, 'apps', 'dashboard'),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return outDir;
}

export async function startBenchService(
  database: string,
  keys: KeyRingConfig,
  dashboardDir: string,
): Promise<BenchService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mk-bench-stores-'));
  const running = await startIntegrationService({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
      MAGEKIT_ENCRYPTION_KEYS: Object.entries(keys.keys)
        .map(([id, key]) => `${id}:${key}`)
        .join(','),
      MAGEKIT_ACTIVE_KEY: keys.activeKeyId,
      LOG_LEVEL: 'error',
      DASHBOARD_DIR: dashboardDir,
    },
    // The list's queries are what is measured: no answer cache (it would serve repeats from memory).
    magento: { probe: { intervalMs: 0 }, sweepIntervalMs: 0, admin: { listCacheMs: 0 } },
    print: () => undefined,
    log: () => undefined,
    showCredentials: false,
  });
  const { token } = await createApiToken(running.dataSource, 'bench stores-10k');
  const base = `http://127.0.0.1:${running.port}`;
  return {
    server: running.app.getHttpServer() as Server,
    base,
    dashboardUrl: `${base}/dashboard/`,
    apiToken: token,
    dataSource: running.dataSource,
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(dashboardDir, { recursive: true, force: true });
    },
  };
}

/** Drops or creates the store-list indexes (as the migration does) unless they are so already, then refreshes the planner's statistics. */
export async function setListIndexes(dataSource: DataSource, present: boolean): Promise<void> {
  const [{ found }] = (await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = $1) AS found`,
    [STORE_LIST_INDEXES[0].name],
  )) as { found: boolean }[];
  if (found === present) return;
  const runner = dataSource.createQueryRunner();
  try {
    await (present ? createStoreListIndexes(runner) : dropStoreListIndexes(runner));
  } finally {
    await runner.release();
  }
  await dataSource.query('ANALYZE');
}
