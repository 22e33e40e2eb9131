import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The integration service (apps/integration) running as its own process, as a vendor runs it. */
export interface IntegrationService {
  base: string;
  callbackUrl: string;
  identityLinkUrl: string;
  dashboardUrl: string;
  /** The first-start API token and vendor account printed on the banner. */
  apiToken: string;
  account: { email: string; password: string };
  output(): string;
  api<T>(method: string, path: string): Promise<T>;
  stop(): Promise<void>;
}

/** `apps/integration/dist/main.js` (built by `nx build integration`): run as a process, not imported. */
export function integrationEntry(): string {
  return join(__dirname, '..', '..', '..', 'integration', 'dist', 'main.js');
}

/** A free loopback port (the service is given a fixed PORT so that its PUBLIC_URL is right). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the service on SQLite in a fresh DATA_DIR with the dashboard build, loopback store URLs
 * allowed, and waits for its banner (URLs and first-start credentials).
 */
export async function startIntegrationService(dashboardDir: string): Promise<IntegrationService> {
  const entry = integrationEntry();
  if (!existsSync(entry))
    throw new Error(
      `The integration service is not built (${entry} is missing): run \`npx nx build integration\` (the dashboard's e2e target does).`,
    );
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'mk-dash-e2e-'));
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    TENANT: 'acme',
    DATA_DIR: dataDir,
    MAGEKIT_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    STORE_URL_ALLOW_HTTP: 'true',
    STORE_URL_ALLOWED_NETWORKS: '127.0.0.0/8',
    DASHBOARD_DIR: dashboardDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    REDIS_URL: '',
  };
  const child = spawn(process.execPath, [entry], { env, cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const stop = () => stopProcess(child).finally(() => rmSync(dataDir, { recursive: true, force: true }));
  try {
    await waitForBanner(child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const token = /API token \(dashboard and \/api\):\s+(\S+)/.exec(output)?.[1];
  const account = /Vendor account \(identity link\):\s+(\S+) \/ (\S+)/.exec(output);
  if (!token || !account) {
    await stop();
    throw new Error(`The service banner has no first-start credentials:\n${output}`);
  }
  return {
    base,
    callbackUrl: `${base}/magento/callback/acme`,
    identityLinkUrl: `${base}/magento/identity/acme`,
    dashboardUrl: `${base}/dashboard/`,
    apiToken: token,
    account: { email: account[1], password: account[2] },
    output: () => output,
    async api<T>(method: string, path: string): Promise<T> {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
      return JSON.parse(text) as T;
    },
    stop,
  };
}

function waitForBanner(child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`The integration service did not start within ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
    const poll = setInterval(() => {
      if (/First start: created once/.test(output()) && /More with `npx magekit tokens create/.test(output())) finish();
    }, 50);
    const onExit = (code: number | null) =>
      finish(new Error(`The integration service exited (code ${code}) before it was ready:\n${output()}`));
    child.once('exit', onExit);
    function finish(error?: Error) {
      clearTimeout(timer);
      clearInterval(poll);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
