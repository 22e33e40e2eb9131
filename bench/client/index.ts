/**
 * bench/client: fetch 50,000 products through @magekit/client's paginator (signed OAuth requests,
 * verified by the fake store with @magekit/oauth1) from a loopback node:http store that generates
 * products on the fly, against a naive sequential page loop that accumulates into an array — both
 * in the same run, on the same client. Reports items per second and peak heap above baseline,
 * with no added latency and with a simulated store latency per page. "Peak heap" is sampled
 * heapUsed (garbage included; the store runs in the same process); "peak live heap" comes from a
 * second pass that forces a GC every 10 pages (needs --expose-gc, which bench/run.mjs passes).
 */
import { createMagentoClient, createOAuthAuth, searchCriteria, type MagentoClient } from '@magekit/client';
import { startFakeMagento, type FakeMagentoServer, type FakeRequest } from '@magekit/client/testing';

const TOTAL = 50_000;
const PAGE_SIZE = 500;

interface Product {
  id: number;
  sku: string;
  name: string;
  price: number;
  status: number;
  type_id: string;
  custom_attributes: { attribute_code: string; value: string }[];
}

function makeProduct(id: number): Product {
  return {
    id,
    sku: `SKU-${id}`,
    name: `Product ${id} with a reasonably long name`,
    price: (id % 997) + 0.99,
    status: 1,
    type_id: 'simple',
    custom_attributes: [
      {
        attribute_code: 'description',
        value: `<p>Description of product ${id}. Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>`,
      },
      { attribute_code: 'url_key', value: `product-${id}` },
      { attribute_code: 'tax_class_id', value: '2' },
    ],
  };
}

function servePage(request: FakeRequest) {
  const params = new Map(
    (request.query ?? '').split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]),
  );
  const pageSize = Number(params.get('searchCriteria[pageSize]') ?? 20);
  const lastPage = Math.ceil(TOTAL / pageSize);
  const page = Math.min(Number(params.get('searchCriteria[currentPage]') ?? 1), lastPage); // Magento repeats the last page
  const from = (page - 1) * pageSize;
  const items = Array.from({ length: Math.min(pageSize, TOTAL - from) }, (_, i) => makeProduct(from + i + 1));
  return { json: { items, search_criteria: { page_size: pageSize, current_page: page }, total_count: TOTAL } };
}

interface Result {
  name: string;
  items: number;
  seconds: number;
  peakHeapMb: number;
  /** Peak heap still reachable (sampled after a forced GC every 10 pages), from a second pass. */
  peakLiveMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

async function measureRun(name: string, run: (sample: () => void) => Promise<number>): Promise<Result> {
  const timed = await measurePass(name, run, false);
  const live = gc ? await measurePass(name, run, true) : { peakMb: NaN };
  return { name, items: timed.items, seconds: timed.seconds, peakHeapMb: timed.peakMb, peakLiveMb: live.peakMb };
}

async function measurePass(name: string, run: (sample: () => void) => Promise<number>, collect: boolean) {
  gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let samples = 0;
  const sample = () => {
    if (collect && ++samples % 10 !== 0) return;
    if (collect) gc?.();
    const used = process.memoryUsage().heapUsed;
    if (used > peak) peak = used;
  };
  const timer = setInterval(() => collect || sample(), 5);
  const start = process.hrtime.bigint();
  const items = await run(sample);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(timer);
  sample();
  if (items !== TOTAL) throw new Error(`${name} fetched ${items} items, expected ${TOTAL}`);
  return { items, seconds, peakMb: (peak - baseline) / 2 ** 20 };
}

function runPaginator(client: MagentoClient, concurrency: number) {
  return async (sample: () => void) => {
    let count = 0;
    let checksum = 0;
    for await (const product of client.paginate<Product>(
      '/V1/products',
      searchCriteria().where('status', 'eq', 1).pageSize(PAGE_SIZE),
      { concurrency },
    )) {
      count++;
      checksum += product.id;
      if (count % PAGE_SIZE === 0) sample();
    }
    if (checksum !== (TOTAL * (TOTAL + 1)) / 2) throw new Error('paginator checksum mismatch');
    return count;
  };
}

function runNaive(client: MagentoClient) {
  return async (sample: () => void) => {
    const all: Product[] = [];
    for (let page = 1; ; page++) {
      const query = searchCriteria().where('status', 'eq', 1).pageSize(PAGE_SIZE).page(page).toQueryString();
      const result = await client.get<{ items: Product[]; total_count: number }>('/V1/products', { query });
      all.push(...result.items);
      sample();
      if (all.length >= result.total_count || result.items.length < PAGE_SIZE) break;
    }
    return all.length;
  };
}

async function scenario(latencyMs: number): Promise<void> {
  const store: FakeMagentoServer = await startFakeMagento();
  store.route('GET', '/rest/default/V1/products', async (request) => {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    return servePage(request);
  });
  const client = createMagentoClient({
    baseUrl: store.baseUrl,
    store: 'default',
    auth: createOAuthAuth(store.credentials),
    maxConcurrency: 8,
    maxPageSize: PAGE_SIZE,
  });
  await measurePass('warm-up', runPaginator(client, 4), false);
  const results = [
    await measureRun('naive loop (sequential, accumulates)', runNaive(client)),
    await measureRun('paginate, concurrency 1', runPaginator(client, 1)),
    await measureRun('paginate, concurrency 4', runPaginator(client, 4)),
  ];
  const rejected = store.requests.filter((r) => !r.oauth?.valid).length;
  await store.close();
  printResults(
    `${TOTAL.toLocaleString('en-US')} products, pageSize ${PAGE_SIZE}, store latency ${latencyMs} ms/page (${store.requests.length} signed requests verified, ${rejected} rejected)`,
    results,
  );
}

function printResults(title: string, results: Result[]): void {
  const [naive] = results;
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`\n${title}`);
  for (const r of results) {
    const rate = r.items / r.seconds;
    const speed = rate / (naive.items / naive.seconds);
    const live = naive.peakLiveMb / Math.max(r.peakLiveMb, 0.1);
    const ratios = r === naive ? '(baseline)' : `${speed.toFixed(2)}x items/s, ${live.toFixed(1)}x less live heap`;
    const mb = (value: number) => value.toFixed(1).padStart(5);
    console.log(
      `  ${r.name.padEnd(width)}  ${Math.round(rate).toLocaleString('en-US').padStart(9)} items/s  peak heap +${mb(r.peakHeapMb)} MB  peak live heap +${mb(r.peakLiveMb)} MB   ${ratios}`,
    );
  }
}

async function main(): Promise<void> {
  await scenario(0);
  await scenario(25);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
