import { createOAuthAuth } from '../auth/oauth-auth';
import { createMagentoClient } from '../rest/create-magento-client';
import type { ClientEvent } from '../rest/client-events';
import { failureOf, startFakeMagento, type FakeMagentoServer, type FakeRequest } from '../testing';
import { searchCriteria } from './search-criteria';

let store: FakeMagentoServer;
afterEach(async () => store?.close());

function readPaging(request: FakeRequest): { pageSize: number; currentPage: number } {
  const params = new Map(
    (request.query ?? '').split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]),
  );
  return {
    pageSize: Number(params.get('searchCriteria[pageSize]')),
    currentPage: Number(params.get('searchCriteria[currentPage]')),
  };
}

/**
 * A catalogue of `count` products answering like Magento: an out-of-range page repeats the last
 * page. `reportedTotal` lets a store lie about total_count; `withTotal: false` leaves it out.
 */
function serveCatalogue(
  server: FakeMagentoServer,
  count: number,
  options: { reportedTotal?: number; withTotal?: boolean; delayMs?: number } = {},
) {
  const stats = { inFlight: 0, peak: 0, pages: [] as number[] };
  server.route('GET', '/rest/V1/products', async (request) => {
    stats.peak = Math.max(stats.peak, ++stats.inFlight);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    stats.inFlight--;
    const { pageSize, currentPage } = readPaging(request);
    stats.pages.push(currentPage);
    const lastPage = Math.max(1, Math.ceil(count / pageSize));
    const page = Math.min(currentPage, lastPage);
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, count - (page - 1) * pageSize)) }, (_, i) => ({
      id: (page - 1) * pageSize + i + 1,
      sku: `P${(page - 1) * pageSize + i + 1}`,
    }));
    const body: Record<string, unknown> = {
      items,
      search_criteria: { page_size: pageSize, current_page: currentPage },
    };
    if (options.withTotal !== false) body.total_count = options.reportedTotal ?? count;
    return { json: body };
  });
  return stats;
}

async function setup(extra: { maxPageSize?: number } = {}) {
  store = await startFakeMagento();
  const events: ClientEvent[] = [];
  const client = createMagentoClient({
    baseUrl: store.baseUrl,
    auth: createOAuthAuth(store.credentials),
    maxConcurrency: 8,
    onEvent: (e) => events.push(e),
    retry: { retries: 0 },
    ...extra,
  });
  return { client, events };
}

async function collectIds(iterable: AsyncIterable<{ id: number }>): Promise<number[]> {
  const ids: number[] = [];
  for await (const item of iterable) ids.push(item.id);
  return ids;
}

describe('paginate', () => {
  it.each([1, 4])(
    'yields every item once, in order, with concurrency %i, using signed requests',
    async (concurrency) => {
      const { client } = await setup();
      serveCatalogue(store, 1234);
      const criteria = searchCriteria().where('status', 'eq', 1).pageSize(100);
      const ids = await collectIds(client.paginate<{ id: number }>('/V1/products', criteria, { concurrency }));
      expect(ids).toEqual(Array.from({ length: 1234 }, (_, i) => i + 1));
      expect(store.requests).toHaveLength(13);
      expect(store.requests.every((r) => r.oauth?.valid)).toBe(true);
    },
  );

  it('stops at a repeated page when total_count is larger than the catalogue', async () => {
    const { client, events } = await setup();
    const stats = serveCatalogue(store, 250, { reportedTotal: 1000 });
    const ids = await collectIds(client.paginate<{ id: number }>('/V1/products', searchCriteria().pageSize(100)));
    expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(stats.pages).toEqual([1, 2, 3, 4]);
    expect(events.some((e) => e.type === 'warning' && /page 4 repeats page 3/.test(e.message))).toBe(true);
  });

  it('stops at a repeated full page when there is no total_count', async () => {
    const { client } = await setup();
    const stats = serveCatalogue(store, 300, { withTotal: false });
    const ids = await collectIds(client.paginate<{ id: number }>('/V1/products', searchCriteria().pageSize(100)));
    expect(ids).toHaveLength(300);
    expect(stats.pages).toEqual([1, 2, 3, 4]);
  });

  it('stops at a short page when there is no total_count', async () => {
    const { client } = await setup();
    const stats = serveCatalogue(store, 250, { withTotal: false });
    expect(
      await collectIds(client.paginate<{ id: number }>('/V1/products', searchCriteria().pageSize(100))),
    ).toHaveLength(250);
    expect(stats.pages).toEqual([1, 2, 3]);
  });

  it('caps the page size at the store maximum and computes pages from it', async () => {
    const { client } = await setup({ maxPageSize: 300 });
    serveCatalogue(store, 1000);
    const ids = await collectIds(client.paginate<{ id: number }>('/V1/products', searchCriteria().pageSize(1000)));
    expect(ids).toHaveLength(1000);
    expect(store.requests.map((r) => readPaging(r).pageSize)).toEqual([300, 300, 300, 300]);
  });

  it('keeps at most `concurrency` page requests in flight', async () => {
    const { client } = await setup();
    const stats = serveCatalogue(store, 2000, { delayMs: 3 });
    await collectIds(
      client.paginate<{ id: number }>('/V1/products', searchCriteria().pageSize(100), { concurrency: 3 }),
    );
    expect(stats.peak).toBe(3);
  });

  it('aborts prefetches when the consumer stops early, and starts none after', async () => {
    const { client, events } = await setup();
    serveCatalogue(store, 5000, { delayMs: 20 });
    for await (const item of client.paginate<{ id: number }>('/V1/products', searchCriteria().pageSize(100), {
      concurrency: 4,
    })) {
      if (item.id === 101) break; // first item of page 2; pages 3–6 are in flight (page 6 started when 2 came)
    }
    await new Promise((resolve) => setTimeout(resolve, 60));
    const requests = events.filter((e) => e.type === 'request').length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(events.filter((e) => e.type === 'request')).toHaveLength(requests);
    // At most the 2 × concurrency pages ahead of page 2 were ever started, of 50.
    expect(requests).toBeLessThanOrEqual(10);
    expect(events.filter((e) => e.type === 'response').length).toBeLessThan(requests);
  });

  it('starts the next page when a response arrives, not when the consumer takes it, up to prefetchPages', async () => {
    const { client } = await setup();
    const stats = serveCatalogue(store, 2000);
    const iterator = client
      .paginate<{ id: number }>('/V1/products', searchCriteria().pageSize(100), { concurrency: 2, prefetchPages: 5 })
      [Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ id: 1, sku: 'P1' });
    // The consumer holds page 1 and takes nothing more: pages 2–6 are fetched, two at a time.
    while (stats.pages.length < 6) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stats.pages).toEqual([1, 2, 3, 4, 5, 6]);
    expect(stats.peak).toBeLessThanOrEqual(2);
    await iterator.return?.();
  });

  it('passes a failing page on after yielding the pages before it', async () => {
    const { client } = await setup();
    const ids: number[] = [];
    store.route('GET', '/rest/V1/products', (request) => {
      const { currentPage } = readPaging(request);
      if (currentPage === 3)
        return {
          status: 500,
          json: { message: 'Internal Error. Details are available in Magento log file. Report ID: webapi-1' },
        };
      return { json: { items: [{ id: currentPage }], total_count: 5 } };
    });
    const error = await failureOf(
      (async () => {
        for await (const item of client.paginate<{ id: number }>('/V1/products', searchCriteria().pageSize(1), {
          concurrency: 2,
        }))
          ids.push(item.id);
      })(),
    );
    expect(ids).toEqual([1, 2]);
    expect([error.code, error.status]).toEqual(['SERVER_ERROR', 500]);
  });

  it('refuses a response without items', async () => {
    const { client } = await setup();
    store.route('GET', '/rest/V1/products', () => ({ json: { total_count: 3 } }));
    expect((await failureOf(collectIds(client.paginate('/V1/products')))).code).toBe('INVALID_RESPONSE');
  });
});
