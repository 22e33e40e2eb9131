/**
 * Server-side time of admin API requests, measured in-process: the bench and the service share
 * one Node process, requests go over loopback on one keep-alive connection, one at a time (no
 * queueing), and each is timed from the server's `request` event to its response's `finish`
 * (the client's round trip is kept next to it).
 */
import { Agent, request, type Server } from 'node:http';

/** p50/p95/p99/max of a set of durations (ms). */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1], count: sorted.length };
}

export function formatPercentiles(value: Percentiles): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
  return `p50 ${ms(value.p50)}  p95 ${ms(value.p95)}  p99 ${ms(value.p99)}  max ${ms(value.max)}  (n=${value.count})`;
}

/** A keep-alive client of one server that also reads how long the server took for each request. */
export interface TimedClient {
  /** GETs `path` with the bearer token; resolves with both times (ms) once the body is read. */
  get(path: string): Promise<{ server: number; client: number; status: number; bytes: number }>;
  close(): void;
}

export function createTimedClient(server: Server, base: string, token: string): TimedClient {
  const finished: number[] = [];
  const onRequest = (_req: unknown, res: { once(event: 'finish', fn: () => void): void }) => {
    const start = performance.now();
    res.once('finish', () => finished.push(performance.now() - start));
  };
  server.prependListener('request', onRequest);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(base);
  return {
    get(path) {
      const start = performance.now();
      return new Promise((resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path,
            agent,
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          },
          (res) => {
            let bytes = 0;
            res.on('data', (chunk: Buffer) => (bytes += chunk.length));
            res.on('end', () => {
              const server = finished.shift() ?? Number.NaN;
              resolve({ server, client: performance.now() - start, status: res.statusCode ?? 0, bytes });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end();
      });
    },
    close() {
      server.removeListener('request', onRequest);
      agent.destroy();
    },
  };
}

/** One kind of request the dashboard sends, with the paths it rotates through. */
export interface RequestCase {
  name: string;
  /** Counts towards the list endpoint's p95 (the stores list with its filters, search and counts). */
  list: boolean;
  paths: string[];
}

export interface CaseResult {
  name: string;
  list: boolean;
  server: number[];
  client: number[];
  bytes: number;
}

/** Appends the samples of `more` to `into` (same cases, same order). */
export function mergeResults(into: CaseResult[], more: readonly CaseResult[]): CaseResult[] {
  if (into.length === 0)
    return more.map((result) => ({ ...result, server: [...result.server], client: [...result.client] }));
  more.forEach((result, i) => {
    into[i].server.push(...result.server);
    into[i].client.push(...result.client);
    into[i].bytes = Math.max(into[i].bytes, result.bytes);
  });
  return into;
}

/** Runs each case `requests` times (after `warmUp` unmeasured requests), sequentially; `offset`: where in its paths each case starts. */
export async function runCases(
  client: TimedClient,
  cases: readonly RequestCase[],
  requests: number,
  warmUp = 20,
  offset = 0,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const item of cases) {
    for (let i = 0; i < warmUp; i++) await expectOk(client, item.paths[(i * 7) % item.paths.length]);
    const result: CaseResult = { name: item.name, list: item.list, server: [], client: [], bytes: 0 };
    for (let i = 0; i < requests; i++) {
      const answer = await expectOk(client, item.paths[(offset + i) % item.paths.length]);
      result.server.push(answer.server);
      result.client.push(answer.client);
      result.bytes = Math.max(result.bytes, answer.bytes);
    }
    results.push(result);
  }
  return results;
}

async function expectOk(client: TimedClient, path: string) {
  const answer = await client.get(path);
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
  return answer;
}
