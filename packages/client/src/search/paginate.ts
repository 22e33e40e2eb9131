import { MagentoClientError } from '../errors/magento-client-error';
import { createConcurrencyLimiter } from '../rest/concurrency-limiter';
import type { MagentoClient } from '../rest/create-magento-client';
import type { RestScope } from '../url/build-rest-url';
import { createPagePipeline, type PagePipeline } from './page-pipeline';
import { searchCriteria, type SearchCriteria } from './search-criteria';

/** Magento's search result shape (`SearchResultsInterface`). */
export interface SearchResults<T> {
  items: T[];
  total_count?: number;
}

/** Options of {@link paginate}. */
export interface PaginateOptions<T> extends Pick<RestScope, 'store' | 'mode'> {
  /**
   * Page requests in flight at once; default 1 (sequential). Set the store's concurrency (its PHP-FPM
   * workers, the client's `maxConcurrency`) to pull at the store's pace; the client's limiter caps
   * every call to the store together.
   */
  concurrency?: number;
  /**
   * Pages started ahead of the page the consumer is on (fetched or in flight); default
   * `2 × concurrency`, and 0 with concurrency 1 (one page at a time, as the consumer asks). Bounds
   * memory whatever the consumer's speed.
   */
  prefetchPages?: number;
  /** Items per page when the criteria set none; default 100 (capped at the client's `maxPageSize`). */
  pageSize?: number;
  signal?: AbortSignal;
  /** Identity of an item for repeated-page detection; default `id`, `entity_id`, `sku`, `increment_id`, else the JSON. */
  idOf?: (item: T) => unknown;
}

/**
 * Iterates over every item of a search endpoint (`GET /V1/products`, `/V1/orders`, …), page by
 * page, in order. The first page alone gives `total_count`, hence the page count; then up to
 * `concurrency` requests are sent at once, with as many more signed and waiting for a slot, a finished
 * request starting the next page at once (see {@link createPagePipeline}), and at most `prefetchPages`
 * pages ahead of the consumer. Stops at the
 * computed page count, and also when a page is empty or repeats the previous one (Magento answers an
 * out-of-range `currentPage` with the last page again). Breaking out of the loop aborts the requests
 * in flight.
 *
 * @throws MagentoClientError from the calls, or `INVALID_RESPONSE` when a page has no `items` array.
 */
export async function* paginate<T = unknown>(
  client: MagentoClient,
  path: string,
  criteria: SearchCriteria = searchCriteria(),
  options: PaginateOptions<T> = {},
): AsyncGenerator<T, void, undefined> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const pageSize = Math.min(criteria.data.pageSize ?? options.pageSize ?? 100, client.config.maxPageSize);
  const sized = criteria.pageSize(pageSize);
  // At most `concurrency` of this paginate's requests are sent at once (inside the client's limit for
  // the store); as many more wait signed in the limiter, so a slot freed when a body has been read
  // goes to the next page at once, not after the pages before it are parsed.
  const limiter = createConcurrencyLimiter(concurrency);
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const fetchPage = (page: number) =>
    client
      .get<SearchResults<T>>(path, {
        query: sized.page(page).toQueryString(),
        signal: controller.signal,
        limiter,
        store: options.store,
        mode: options.mode,
      })
      .then((r) => checkPage(r, path, page));
  let pipeline: PagePipeline<SearchResults<T>> | null = null;
  try {
    const first = sized.data.currentPage ?? 1;
    const firstPage = await fetchPage(first);
    const known = typeof firstPage.total_count === 'number';
    const lastPage = known ? Math.ceil((firstPage.total_count as number) / pageSize) : Number.POSITIVE_INFINITY;
    if (firstPage.items.length === 0) return;
    if (!known && firstPage.items.length < pageSize) return yield* firstPage.items;
    pipeline = createPagePipeline({
      from: first + 1,
      to: lastPage,
      concurrency: known ? 2 * concurrency : concurrency,
      // Without total_count, pages past the end are wasted requests: start no more than in flight.
      window: known ? Math.floor(options.prefetchPages ?? (concurrency === 1 ? 0 : 2 * concurrency)) : concurrency - 1,
      fetchPage,
      isEnd: known ? undefined : (page) => page.items.length < pageSize,
    });
    let previous = fingerprint(firstPage.items, options.idOf);
    yield* firstPage.items;
    for (let page = first + 1; ; page++) {
      const next = pipeline.take();
      if (next === undefined) return;
      const result = await next;
      if (result.items.length === 0) return;
      const current = fingerprint(result.items, options.idOf);
      if (current === previous)
        return void client.config.emit({
          type: 'warning',
          message: `${path}: page ${page} repeats page ${page - 1}; stopping (total_count ${firstPage.total_count ?? 'absent'}).`,
        });
      previous = current;
      for (const item of result.items) yield item;
      if (!known && result.items.length < pageSize) return;
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    pipeline?.stop();
    if ((pipeline?.pending ?? 0) > 0) controller.abort();
  }
}

function checkPage<T>(result: SearchResults<T>, path: string, page: number): SearchResults<T> {
  if (result && Array.isArray(result.items)) return result;
  throw new MagentoClientError(
    `${path} page ${page} has no items array: not a search result (a fields projection without items?).`,
    'INVALID_RESPONSE',
  );
}

function fingerprint<T>(items: readonly T[], idOf?: (item: T) => unknown): string {
  return items.map((item) => String(idOf ? idOf(item) : defaultId(item))).join('\u0000');
}

function defaultId(item: unknown): unknown {
  if (item === null || typeof item !== 'object') return item;
  const record = item as Record<string, unknown>;
  return record.id ?? record.entity_id ?? record.sku ?? record.increment_id ?? JSON.stringify(item);
}
