/**
 * The sandbox store in a child process, as the `magekit-sandbox` bin runs it (its `main.ts`, from
 * the TypeScript sources) with `SANDBOX_*` settings, its SQLite file in a temporary folder. A store
 * is another process than its client: the bench process holds only the client's work and heap.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LISTENING = /magekit sandbox store listening on (\S+)/;
const START_TIMEOUT_MS = 120_000;
const MAIN = join(__dirname, '..', '..', 'packages', 'sandbox', 'src', 'main.ts');

/** What the store is started with. */
export interface SandboxSettings {
  products: number;
  latencyMs: number;
  workers: number;
  /** Extra node flags of the child, e.g. `--cpu-prof` (with `--require` of a SIGTERM→exit hook). */
  nodeArgs?: string[];
}

/** A running sandbox child. */
export interface SandboxProcess {
  baseUrl: string;
  admin<T>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** OAuth 1.0a credentials of an activated integration. */
export interface IntegrationCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
}

/** Starts the store; resolves once it listens (after seeding). */
export async function startSandboxProcess(settings: SandboxSettings): Promise<SandboxProcess> {
  const folder = mkdtempSync(join(tmpdir(), 'magekit-bench-sync-'));
  const adminToken = randomBytes(16).toString('hex');
  const child = spawn(
    process.execPath,
    [...(settings.nodeArgs ?? []), '--conditions=@magekit/source', '--require', '@swc-node/register', MAIN],
    {
      env: {
        ...process.env,
        SANDBOX_PORT: '0',
        SANDBOX_HOST: '127.0.0.1',
        SANDBOX_DATA_DIR: folder,
        SANDBOX_ADMIN_TOKEN: adminToken,
        SANDBOX_PRODUCTS: String(settings.products),
        SANDBOX_LATENCY_MS: String(settings.latencyMs),
        SANDBOX_WORKERS: String(settings.workers),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const baseUrl = await waitForListening(child).catch((error: unknown) => {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  });
  return {
    baseUrl,
    admin: (method, path, body) => callAdmin(baseUrl, adminToken, method, path, body),
    stop: async () => {
      await stopChild(child);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Creates an integration with all resources and activates it without endpoint and identity link
 * (direct mode: the tokens Magento's TokensDialog shows), through the sandbox admin API as
 * tools/interop does.
 */
export async function activateIntegration(sandbox: SandboxProcess, name: string): Promise<IntegrationCredentials> {
  const integration = await sandbox.admin<{ id: number }>('POST', '/integrations', { name, resources: 'all' });
  const activation = await sandbox.admin<Record<string, string>>('POST', `/integrations/${integration.id}/activate`);
  if (activation.mode !== 'direct') throw new Error(`Expected a direct activation, got ${activation.mode}.`);
  return {
    consumerKey: activation.consumer_key,
    consumerSecret: activation.consumer_secret,
    accessToken: activation.access_token,
    accessTokenSecret: activation.access_token_secret,
  };
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error('The sandbox did not start within 120 s.')), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(error);
    };
    const exited = (code: number | null) =>
      fail(new Error(`The sandbox exited with code ${code}:\n${output.slice(-2000)}`));
    const read = (chunk: string) => {
      output += chunk;
      const match = LISTENING.exec(output);
      if (match === null) return;
      clearTimeout(timer);
      child.off('exit', exited);
      child.stdout?.off('data', read);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve(match[1]);
    };
    child.stdout?.setEncoding('utf8').on('data', read);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', exited);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function callAdmin<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(`sandbox/admin${path}`, baseUrl), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Sandbox admin API ${method} ${path}: HTTP ${response.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
