/**
 * bench/sync: pull every product of a store at the store's limit. The sandbox runs in a child
 * process as a store behind a PHP-FPM pool (SANDBOX_LATENCY_MS=50, SANDBOX_WORKERS=4: every page
 * holds a worker 50 ms, at most 4 at once) with 50,000 products; an integration is activated through
 * its admin API. pageSize is 300: the largest a Magento store with Web API input limits accepts
 * (`webapi/validation/maximum_page_size`, docs/magento-behaviour.md §13.2), the sandbox's maximum, and
 * so the most a real integration can rely on. The store's limit is workers × pageSize / latency.
 *
 * In the same run, against the same store:
 * 1. naive: one page after another through the magekit client's `get`, accumulating (the baseline);
 * 2. magekit: `client.paginate` at the store's concurrency (a per-store client whose limiter allows 4);
 *    also, for information, one request more than the store has workers: the fifth waits in the pool's
 *    backlog and takes the first worker that frees, so no worker idles while an answer travels back
 *    and the next page is sent (it takes every worker of the store, which a real store's shoppers need);
 * 3. the peer, npm `magento-api-rest` 2.0.4 (installed outside the repository; skipped, and said so,
 *    when the npm registry cannot be reached), with its documented paging (see peer-client.ts).
 * Prints items/s, % of the limit and peak live heap of each, and last
 * `sync: <N>% of the store's limit, <M>x naive, <K>x magento-api-rest`.
 */
import { createMagentoClient, createOAuthAuth, searchCriteria, type MagentoClient } from '@magekit/client';
import { loadAverage, measureRounds, median, type SyncResult, type SyncRun, type SyncWay } from './measure-sync';
import { installPeer, syncWithPeer, type Peer } from './peer-client';
import { activateIntegration, startSandboxProcess, type IntegrationCredentials } from './sandbox-process';

const PRODUCTS = 50_000;
const LATENCY_MS = 50;
const WORKERS = 4;
const PAGE_SIZE = 300;
const LIMIT = (WORKERS * PAGE_SIZE * 1000) / LATENCY_MS;
const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 5);

interface Product {
  id: number;
}

function runNaive(client: MagentoClient): SyncRun {
  return async (sample) => {
    const all: Product[] = [];
    for (let page = 1; ; page++) {
      const query = searchCriteria().pageSize(PAGE_SIZE).page(page).toQueryString();
      const result = await client.get<{ items: Product[]; total_count: number }>('/V1/products', { query });
      all.push(...result.items);
      sample();
      if (all.length >= result.total_count || result.items.length < PAGE_SIZE) break;
    }
    return all.length;
  };
}

function runPaginate(client: MagentoClient, concurrency = WORKERS): SyncRun {
  return async (sample) => {
    let count = 0;
    let checksum = 0;
    for await (const product of client.paginate<Product>('/V1/products', searchCriteria().pageSize(PAGE_SIZE), {
      concurrency,
    })) {
      checksum += product.id;
      if (++count % PAGE_SIZE === 0) sample();
    }
    if (checksum !== (PRODUCTS * (PRODUCTS + 1)) / 2) throw new Error('paginate: checksum mismatch');
    return count;
  };
}

function runPeer(peer: Extract<Peer, { ok: true }>, baseUrl: string, credentials: IntegrationCredentials): SyncRun {
  return (sample) => syncWithPeer(peer.Client, baseUrl, credentials, PAGE_SIZE, sample);
}

function createClient(
  baseUrl: string,
  credentials: IntegrationCredentials,
  onRetry: () => void,
  maxConcurrency = WORKERS,
): MagentoClient {
  return createMagentoClient({
    baseUrl,
    store: 'default',
    auth: createOAuthAuth(credentials),
    maxConcurrency,
    maxPageSize: PAGE_SIZE,
    onEvent: (event) => event.type === 'retry' && onRetry(),
  });
}

function printResults(results: SyncResult[]): void {
  const [naive] = results;
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`\nmedian of ${ROUNDS} rounds; ratios are medians of the per-round ratios`);
  for (const r of results) {
    const rate = r.items / r.seconds;
    console.log(
      `  ${r.name.padEnd(width)}  ${Math.round(rate).toLocaleString('en-US').padStart(7)} items/s  ${((100 * rate) / LIMIT).toFixed(1).padStart(5)}% of the limit  ${ratio(naive, r).toFixed(2)}x naive  peak live heap +${r.peakLiveMb.toFixed(1).padStart(5)} MB`,
    );
  }
}

/** Median over the rounds of how much faster `ours` was than `theirs` in the same round. */
function ratio(theirs: SyncResult, ours: SyncResult): number {
  return median(ours.passes.map((seconds, round) => theirs.passes[round] / seconds));
}

async function main(): Promise<void> {
  const peerInstall = installPeer(); // in parallel with the store's start
  let started = process.hrtime.bigint();
  const sandbox = await startSandboxProcess({ products: PRODUCTS, latencyMs: LATENCY_MS, workers: WORKERS });
  const startSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const credentials = await activateIntegration(sandbox, 'bench-sync');
    let retries = 0;
    const client = createClient(sandbox.baseUrl, credentials, () => retries++);
    const oversubscribed = createClient(sandbox.baseUrl, credentials, () => retries++, WORKERS + 1);
    const peer = await peerInstall;
    console.log(
      `sandbox (child process): ${PRODUCTS.toLocaleString('en-US')} products seeded and listening in ${startSeconds.toFixed(1)} s; PHP-FPM pool ${WORKERS} workers × ${LATENCY_MS} ms; pageSize ${PAGE_SIZE}`,
    );
    console.log(
      `store's limit: ${WORKERS} × ${PAGE_SIZE} / ${LATENCY_MS} ms = ${LIMIT.toLocaleString('en-US')} items/s (${Math.ceil(PRODUCTS / PAGE_SIZE)} pages)`,
    );
    console.log(peer.ok ? `peer: magento-api-rest ${peer.version}` : `peer: magento-api-rest skipped (${peer.reason})`);
    started = process.hrtime.bigint();
    await runPaginate(client)(() => undefined); // warm-up: JIT, connections, SQLite page cache
    console.log(
      `warm-up pass: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)} s (load average ${loadAverage()})\n`,
    );

    const ways: SyncWay[] = [
      { name: 'naive loop (sequential, accumulates)', run: runNaive(client) },
      { name: `magekit paginate, concurrency ${WORKERS}`, run: runPaginate(client) },
      ...(peer.ok ? [{ name: 'magento-api-rest ($page loop)', run: runPeer(peer, sandbox.baseUrl, credentials) }] : []),
      {
        name: `magekit paginate, concurrency ${WORKERS + 1} (one waits in the backlog)`,
        run: runPaginate(oversubscribed, WORKERS + 1),
      },
    ];
    const results = await measureRounds(ways, PRODUCTS, ROUNDS);
    const [naive, ours] = results;
    const theirs = peer.ok ? results[2] : undefined;
    printResults(results);
    console.log(`  client retries after 429/503: ${retries}; load average now ${loadAverage()}`);

    const percent = Math.floor((100 * ours.items) / ours.seconds / LIMIT);
    const vsPeer = theirs ? `${ratio(theirs, ours).toFixed(2)}x magento-api-rest` : 'magento-api-rest skipped';
    console.log(`\nsync: ${percent}% of the store's limit, ${ratio(naive, ours).toFixed(2)}x naive, ${vsPeer}`);
  } finally {
    await sandbox.stop();
    const peer = await peerInstall;
    if (peer.ok) peer.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
