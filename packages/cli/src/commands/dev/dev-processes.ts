import { join } from 'node:path';
import { findSandboxMain } from '../sandbox/sandbox-start.command';
import { spawnDevChild, waitForLine, type DevChild } from './dev-child';
import type { DevApp } from './dev-app';

/** Where child output goes and the environment children inherit. */
export interface DevContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  write: (text: string) => void;
}

/** The sandbox store child and its base URL (`http://127.0.0.1:<port>/`). */
export interface DevSandbox {
  child: DevChild;
  url: string;
  adminToken: string;
}

/**
 * Starts the sandbox store as `magekit sandbox start` does (seeded data, admin API), on `port`,
 * with its data in `<app DATA_DIR>/sandbox` so a re-run finds the same integrations.
 */
export async function startDevSandbox(
  context: DevContext,
  options: { app: DevApp; port: number; seedProducts?: number; timeoutMs: number },
): Promise<DevSandbox> {
  const adminToken = context.env['SANDBOX_ADMIN_TOKEN'] || 'sandbox-admin-token';
  const env: NodeJS.ProcessEnv = {
    ...context.env,
    SANDBOX_PORT: String(options.port),
    SANDBOX_HOST: '127.0.0.1',
    SANDBOX_DATA_DIR: join(options.app.dataDir, 'sandbox'),
    SANDBOX_ADMIN_TOKEN: adminToken,
  };
  delete env['SANDBOX_BASE_URL'];
  if (options.seedProducts !== undefined) env['SANDBOX_PRODUCTS'] = String(options.seedProducts);
  const child = spawnDevChild('sandbox', process.execPath, [findSandboxMain()], {
    cwd: context.cwd,
    env,
    write: context.write,
  });
  const url = await waitForLine(
    child,
    (line) => /listening on (http:\/\/\S+\/)/.exec(line)?.[1],
    options.timeoutMs,
    'start listening',
  );
  return { child, url, adminToken };
}

/** The URLs the running app announced in its `ready` log line. */
export interface DevAppUrls {
  publicUrl: string;
  callback: string;
  identityLink: string;
  dashboard: string | null;
}

/** The app child, its URLs, and the API token it printed on its first start (else null). */
export interface DevAppProcess {
  child: DevChild;
  urls: DevAppUrls;
  firstStartToken: string | null;
}

/** The development-safe settings: http store URLs and loopback networks allowed, its own DATA_DIR and port. */
export function devAppEnv(env: NodeJS.ProcessEnv, app: DevApp, port: number): NodeJS.ProcessEnv {
  return {
    ...env,
    STORE_URL_ALLOW_HTTP: 'true',
    STORE_URL_ALLOWED_NETWORKS: '127.0.0.0/8,::1/128',
    DATA_DIR: app.dataDir,
    PORT: String(port),
  };
}

/** Starts the built app (`node <app>/dist/main.js`) and waits for its `ready` line (and the first-start banner's token). */
export async function startDevApp(
  context: DevContext,
  options: { app: DevApp; port: number; timeoutMs: number },
): Promise<DevAppProcess> {
  const child = spawnDevChild('app', process.execPath, [options.app.main], {
    cwd: context.cwd,
    env: devAppEnv(context.env, options.app, options.port),
    write: context.write,
  });
  const token = waitForLine(
    child,
    (line) => /API token \(dashboard and \/api\):\s+(\S+)/.exec(line)?.[1],
    options.timeoutMs,
    'print its first-start API token',
  );
  token.catch(() => undefined);
  const ready = await waitForLine(child, readReadyLine, options.timeoutMs, 'log "ready"');
  return { child, urls: ready.urls, firstStartToken: ready.firstStart ? await token : null };
}

/** The service's `{"msg":"ready",…}` JSON log line: its URLs and whether this was the first start. */
export function readReadyLine(line: string): { urls: DevAppUrls; firstStart: boolean } | undefined {
  if (!line.startsWith('{') || !line.includes('"ready"')) return undefined;
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (value['msg'] !== 'ready' || typeof value['callback'] !== 'string' || typeof value['publicUrl'] !== 'string')
      return undefined;
    const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : null);
    return {
      urls: {
        publicUrl: value['publicUrl'],
        callback: value['callback'],
        identityLink: text('identityLink') ?? '',
        dashboard: text('dashboard'),
      },
      firstStart: value['firstStart'] === true,
    };
  } catch {
    return undefined;
  }
}
