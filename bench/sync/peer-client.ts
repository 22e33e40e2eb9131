/**
 * The peer: npm `magento-api-rest` at the version tools/interop pins, installed with tools/interop's
 * installer into a temporary folder outside the repository (never a dependency of the workspace).
 *
 * It has no pagination helper: `get(endpoint, params)` fetches one page, and its README's way to
 * page is the parser's `$perPage` and `$page` (`searchCriteria[page_size]`, `[current_page]`). So
 * the peer is the loop its users write: one page after another until `total_count` items came.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntegrationCredentials } from './sandbox-process';

/** tools/interop's installer of the pinned npm clients (an ES module without types). */
const INSTALLER = join(__dirname, '..', '..', 'tools', 'interop', 'lib', 'install-clients.mjs');

interface MagentoApiRest {
  get(endpoint: string, params?: Record<string, unknown>): Promise<{ data: { items: unknown[]; total_count: number } }>;
}
type MagentoApiRestClass = new (options: Record<string, unknown>) => MagentoApiRest;

const INSTALL_TIMEOUT_MS = 120_000;

/** The installed peer, or why it is not there. */
export type Peer =
  { ok: true; version: string; Client: MagentoApiRestClass; remove(): void } | { ok: false; reason: string };

/** Installs the pinned `magento-api-rest`; a failure (registry unreachable) is returned, not thrown. */
export async function installPeer(): Promise<Peer> {
  const folder = mkdtempSync(join(tmpdir(), 'magekit-bench-sync-peer-'));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    const { installNpmClients } = (await import(INSTALLER)) as {
      installNpmClients(folder: string): Promise<{ require: NodeRequire; versions: Record<string, string> }>;
    };
    // Fail fast when the registry cannot be reached (npm's default retries take minutes).
    process.env.npm_config_fetch_retries ??= '0';
    process.env.npm_config_fetch_timeout ??= '20000';
    const installed = await withTimeout(installNpmClients(folder), INSTALL_TIMEOUT_MS);
    const Client = (installed.require('magento-api-rest') as { default: MagentoApiRestClass }).default;
    return { ok: true, version: installed.versions['magento-api-rest'], Client, remove };
  } catch (error) {
    remove();
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: message.split('\n').slice(0, 3).join(' ').slice(0, 300) };
  }
}

/**
 * Every product through `magento-api-rest`, page after page with `$perPage`/`$page`, counted as they
 * come (nothing kept). `onPage` sees each page.
 */
export async function syncWithPeer(
  Client: MagentoApiRestClass,
  baseUrl: string,
  credentials: IntegrationCredentials,
  pageSize: number,
  onPage: (items: readonly { id: number }[]) => void,
): Promise<number> {
  const client = new Client({
    url: baseUrl,
    consumerKey: credentials.consumerKey,
    consumerSecret: credentials.consumerSecret,
    accessToken: credentials.accessToken,
    tokenSecret: credentials.accessTokenSecret,
    type: 'default/V1',
    sha: 256,
  });
  let count = 0;
  for (let page = 1; ; page++) {
    const { data } = await client.get('products', { $perPage: pageSize, $page: page });
    count += data.items.length;
    onPage(data.items as { id: number }[]);
    if (count >= data.total_count || data.items.length < pageSize) return count;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`npm install did not finish within ${ms / 1000} s`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
