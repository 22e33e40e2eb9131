/**
 * One loopback Magento store front for every bench store: store `i` has the base URL
 * `<base>/s/<i>/`. It answers the probe's only call, `GET <base URL>rest/V1/store/storeConfigs`
 * (the module's `probe.path` without required resources), with one small store view after a
 * little latency, and logs each such request (store index, time) so the bench can count probes
 * per store per interval. Signatures are not checked: the bench measures the scheduler.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeProbeStore {
  /** `http://127.0.0.1:<port>`; store `i` lives under `/s/<i>/`. */
  origin: string;
  baseUrl(i: number): string;
  /** Store index of each probe request, in arrival order. */
  readonly stores: number[];
  /** `Date.now()` of each probe request, same order. */
  readonly times: number[];
  /** Requests that were not a probe. */
  readonly others: number;
  close(): Promise<void>;
}

const PROBE_PATH = /^\/s\/(\d+)\/rest\/V1\/store\/storeConfigs$/;

export async function startFakeProbeStore(latencyMs: number): Promise<FakeProbeStore> {
  const stores: number[] = [];
  const times: number[] = [];
  const counters = { others: 0 };
  const server = createServer((request, response) => {
    const match = PROBE_PATH.exec((request.url ?? '').split('?')[0]);
    if (!match || request.method !== 'GET') {
      counters.others += 1;
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"message":"Request does not match any route."}');
      return;
    }
    const i = Number(match[1]);
    stores.push(i);
    times.push(Date.now());
    setTimeout(() => {
      const base = `http://shop-${i}.example/`;
      const body = [
        {
          id: 1,
          code: 'default',
          website_id: 1,
          locale: 'en_US',
          base_currency_code: 'USD',
          timezone: 'UTC',
          base_url: base,
          secure_base_url: base,
        },
      ];
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    }, latencyMs);
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    baseUrl: (i) => `${origin}/s/${i}/`,
    stores,
    times,
    get others() {
      return counters.others;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
