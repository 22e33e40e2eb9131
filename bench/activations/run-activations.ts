import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import type { BenchChild } from './child-process';
import type { BenchDatabase } from './bench-database';
import type { RoundRobinProxy } from './round-robin-proxy';
import type { CallbackSample } from './sandbox-process';

/** Magento's consumer window (docs/magento-behaviour.md §1.8): the request-token step must happen within 300 s of the callback. */
export const CONSUMER_WINDOW_MS = 300_000;

/** The sandbox child and how to reach its admin API. */
export interface SandboxHandle {
  child: BenchChild;
  url: string;
  adminToken: string;
}

/** One store at the end of a run. */
export interface StoreOutcome {
  consumerKey: string;
  /** Activate answered by the sandbox (false: Magento showed "The attempt to post data to consumer failed"). */
  activateOk: boolean;
  activateError: string | null;
  /** Where the proxy sent the callback (null: no backend answered). */
  backend: string | null;
  proxyStatus: number | null;
  /** The backend's answer time as the proxy saw it (null: none answered). */
  proxyMs: number | null;
  /** The store row, or null (the callback never reached the database). */
  status: string | null;
  /** The row was removed by the pending-store cleaner after the window (`status` is its last one). */
  removed: boolean;
  statusCode: string | null;
  statusReason: string | null;
  activatedAt: number | null;
  startedAt: number;
}

/** What one run of Activate for every integration gives. */
export interface RunResult {
  stores: StoreOutcome[];
  callbacks: CallbackSample[];
  /** Wall time from the first Activate until every store was active or failed (or the deadline). */
  totalMs: number;
  killedAt: number | null;
  /** SYNs the kernel dropped because an accept queue was full (TcpExt ListenOverflows) during the run: each costs a 1 s retransmit. */
  overflows: number;
  /** Stores pending at the end, by their newest activation's state. */
  stuck: string[];
  /** 1-minute load average: at the start, the highest seen during the run, at the end. */
  load: { start: number; max: number; end: number };
}

/** Options of {@link runActivations}. */
export interface RunOptions {
  count: number;
  prefix: string;
  /** With a service behind the proxy: wait until each store is active or failed (else only the callbacks). */
  expectStores: boolean;
  /** SIGKILL this instance once this share of the callbacks has been answered and it has taken some. */
  kill?: { child: BenchChild; name: string; afterShare: number };
  /** Progress lines. */
  log: (line: string) => void;
}

interface StoreRow {
  consumer_key: string;
  status: string;
  status_code: string | null;
  status_reason: string | null;
  activated_at: Date | null;
}

/**
 * Creates `count` integrations on the sandbox whose endpoint is the proxy, clicks Activate for all of
 * them at once (one admin request each, as many merchants would), and follows the stores in the
 * database until each is active or failed, or until Magento's consumer window plus the pending-store
 * grace has passed for all (what is left then is stuck).
 */
export async function runActivations(
  sandbox: SandboxHandle,
  proxy: RoundRobinProxy,
  database: BenchDatabase | null,
  options: RunOptions,
): Promise<RunResult> {
  const { integrations } = await sandbox.child.ask<{
    type: string;
    integrations: Array<{ id: number; consumerKey: string }>;
  }>(
    {
      type: 'create',
      count: options.count,
      prefix: options.prefix,
      endpointUrl: `${proxy.url}/magento/callback/bench`,
      identityLinkUrl: `${proxy.url}/magento/identity/bench`,
    },
    600_000,
  );
  await sandbox.child.ask({ type: 'timings' });
  const keys = new Set(integrations.map((integration) => integration.consumerKey));
  const load = { start: loadavg()[0], max: loadavg()[0], end: 0 };
  const startedAt = new Map<string, number>();
  const activateErrors = new Map<string, string>();
  let killedAt: number | null = null;
  const watchKill = options.kill ? setInterval(() => maybeKill(), 20) : null;
  function maybeKill(): void {
    const kill = options.kill;
    if (!kill || killedAt !== null) return;
    let answered = 0;
    let byVictim = 0;
    for (const [key, forwarded] of proxy.callbacks) {
      if (!keys.has(key)) continue;
      answered += 1;
      if (forwarded.backend === kill.name) byVictim += 1;
    }
    if (answered >= kill.afterShare * options.count && byVictim > 0) {
      killedAt = Date.now();
      kill.child.child.kill('SIGKILL');
      options.log(`  SIGKILL ${kill.name} after ${answered} callbacks (${byVictim} of them on ${kill.name})`);
    }
  }

  const overflowsBefore = listenOverflows();
  const t0 = Date.now();
  const clicks = integrations.map(async (integration) => {
    startedAt.set(integration.consumerKey, Date.now());
    try {
      const answer = await clickActivate(sandbox, integration.id);
      if (answer.status !== 200)
        activateErrors.set(integration.consumerKey, `HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
    } catch (error) {
      activateErrors.set(integration.consumerKey, String(error));
    }
  });
  await Promise.all(clicks);
  options.log(`  every Activate answered after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  let rows = new Map<string, StoreRow>();
  const removed = new Map<string, StoreRow>();
  const deadline = t0 + CONSUMER_WINDOW_MS + 90_000;
  let lastReport = Date.now();
  while (database && options.expectStores) {
    load.max = Math.max(load.max, loadavg()[0]);
    const found = await database.query<StoreRow>(
      'SELECT consumer_key, status, status_code, status_reason, activated_at FROM magekit_stores',
    );
    const seen = new Map(found.filter((row) => keys.has(row.consumer_key)).map((row) => [row.consumer_key, row]));
    for (const [key, row] of rows) if (!seen.has(key)) removed.set(key, row);
    rows = seen;
    const settled = [...rows.values()].filter((row) => row.status === 'active' || row.status === 'failed').length;
    // Every callback answered 200 has a store row; a dropped one (502) may have one or not. Done when every row is settled.
    const answered = [...keys].filter((key) => !activateErrors.has(key) && proxy.callbacks.get(key)?.status === 200);
    if (settled === rows.size && answered.every((key) => rows.has(key))) break;
    if (Date.now() > deadline) break;
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      options.log(
        `  ${((Date.now() - t0) / 1000).toFixed(0)} s: ${settled} of ${rows.size} stores settled (load ${loadavg()[0].toFixed(2)})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (watchKill) clearInterval(watchKill);
  const totalMs = Date.now() - t0;
  load.end = loadavg()[0];
  const overflows = listenOverflows() - overflowsBefore;
  const stuck = database && options.expectStores ? await describeStuck(database, [...rows.values()]) : [];
  const { samples } = await sandbox.child.ask<{ type: string; samples: CallbackSample[] }>({ type: 'timings' });
  const stores = integrations.map(({ consumerKey }): StoreOutcome => {
    // The pending-store cleaner removes never-active stores once the window has passed: their last row counts.
    const row = rows.get(consumerKey) ?? removed.get(consumerKey);
    const forwarded = proxy.callbacks.get(consumerKey);
    return {
      consumerKey,
      activateOk: !activateErrors.has(consumerKey),
      activateError: activateErrors.get(consumerKey) ?? null,
      backend: forwarded?.backend ?? null,
      proxyStatus: forwarded?.status ?? null,
      proxyMs: forwarded?.backend ? forwarded.ms : null,
      status: row?.status ?? null,
      removed: !rows.has(consumerKey) && removed.has(consumerKey),
      statusCode: row?.status_code ?? null,
      statusReason: row?.status_reason ?? null,
      activatedAt: row?.activated_at ? row.activated_at.getTime() : null,
      startedAt: startedAt.get(consumerKey) ?? t0,
    };
  });
  return {
    stores,
    callbacks: samples.filter((sample) => keys.has(sample.consumerKey)),
    totalMs,
    killedAt,
    load,
    stuck,
    overflows,
  };
}

/**
 * The merchants' browsers: Activate through a pool of kept-alive connections, so that the sandbox (one
 * process standing for 1,000 Magento stores) is not sent 1,000 connects at once past its accept queue.
 */
const browsers = new Agent({ keepAlive: true, maxSockets: 256 });

function clickActivate(sandbox: SandboxHandle, id: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${sandbox.url}/sandbox/admin/integrations/${id}/activate`);
    const sent = request(
      url,
      { method: 'POST', agent: browsers, headers: { authorization: `Bearer ${sandbox.adminToken}` } },
      (answer) => {
        let body = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => (body += chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
        answer.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

/** The kernel's count of SYNs dropped at full accept queues (Linux `/proc/net/netstat`), or 0 elsewhere. */
function listenOverflows(): number {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    const header = lines.findIndex((line) => line.startsWith('TcpExt:'));
    const names = lines[header].split(/\s+/);
    const values = lines[header + 1].split(/\s+/);
    return Number(values[names.indexOf('ListenOverflows')] ?? 0);
  } catch {
    return 0;
  }
}

/** Stores still pending at the end, by the state of their newest activation (and whether a lease or a retry holds it). */
async function describeStuck(database: BenchDatabase, rows: StoreRow[]): Promise<string[]> {
  const pending = rows
    .filter((row) => row.status !== 'active' && row.status !== 'failed')
    .map((row) => row.consumer_key);
  if (pending.length === 0) return [];
  const found = await database.query<{ state: string | null; leased: boolean; retry: boolean; count: string }>(
    `SELECT a.state, a.lease_until > now() AS leased, a.next_attempt_at IS NOT NULL AS retry, count(*) AS count
       FROM magekit_stores s
       LEFT JOIN LATERAL (SELECT * FROM magekit_activations x WHERE x.store_id = s.id ORDER BY x.created_at DESC LIMIT 1) a ON true
      WHERE s.consumer_key = ANY($1) GROUP BY 1, 2, 3`,
    [pending],
  );
  return found.map(
    (row) =>
      `${row.state ?? 'no activation'}${row.leased ? ', leased' : ''}${row.retry ? ', retry planned' : ''} × ${row.count}`,
  );
}
