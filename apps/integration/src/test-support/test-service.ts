import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MagentoIntegrationOptions } from '@magekit/nest';
import { startIntegrationService, type RunningService } from '@magekit/service';

/** Keys shared by every service of a test process (instances on one database must share them). */
export const TEST_KEYS = `k1:${randomBytes(32).toString('base64')}`;

/** A service started in-process for a test, with its captured output. */
export interface TestService extends RunningService {
  /** `http://127.0.0.1:<port>` */
  base: string;
  dataDir: string;
  logs: string[];
  banner: string[];
  /** A call to the admin API with the first-start token (or `token`). */
  api<T = unknown>(path: string, init?: RequestInit & { token?: string }): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

export interface TestServiceOptions {
  databaseUrl?: string | null;
  /** Share another service's DATA_DIR (SQLite file, key file). */
  dataDir?: string;
  env?: Record<string, string>;
  magento?: Partial<MagentoIntegrationOptions>;
  queue?: { probeIntervalMs?: number; prefix?: string };
  /** The API token to use for `api()` when this service did not create one. */
  token?: string;
}

/**
 * Starts the integration service on a free loopback port with a temporary DATA_DIR, loopback
 * store URLs allowed (STORE_URL_ALLOWED_NETWORKS=127.0.0.0/8, http allowed), logs captured.
 */
export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mk-int-'));
  const logs: string[] = [];
  const banner: string[] = [];
  const env: Record<string, string> = {
    PORT: '0',
    DATA_DIR: dataDir,
    TENANT: 'acme',
    LOG_LEVEL: 'info',
    MAGEKIT_ENCRYPTION_KEYS: TEST_KEYS,
    STORE_URL_ALLOW_HTTP: 'true',
    STORE_URL_ALLOWED_NETWORKS: '127.0.0.0/8',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  const service = await startIntegrationService({
    env,
    cwd: dataDir,
    log: (line) => void logs.push(line),
    print: (text) => void banner.push(text),
    queue: options.queue,
    magento: { handshake: { baseDelayMs: 50 }, ...options.magento },
  });
  const base = `http://127.0.0.1:${service.port}`;
  const token = options.token ?? service.firstStart?.apiToken;
  return {
    ...service,
    base,
    dataDir,
    logs,
    banner,
    async api<T>(path: string, init: RequestInit & { token?: string } = {}) {
      const response = await fetch(`${base}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${init.token ?? token}`,
          accept: 'application/json',
          ...(init.headers as Record<string, string>),
        },
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async stop() {
      await service.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
