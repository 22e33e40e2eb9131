import { MagentoClientError } from '../errors/magento-client-error';
import type { MagentoClient } from '../rest/create-magento-client';
import type { RestScope } from '../url/build-rest-url';
import { searchCriteria, type SearchCriteria } from './search-criteria';

/** Magento's search result shape (`SearchResultsInterface`). */
export interface SearchResults<T> {
  items: T[];
  total_count?: number;
}

/** Options of {@link paginate}. */
export interface PaginateOptions<T> extends Pick<RestScope, 'store' | 'mode'> {
  /** Pages requested in parallel ahead of the consumer; default 1 (sequential). */
  concurrency?: number;
  /** Items per page when the criteria set none; default 100 (capped at the client's `maxPageSize`). */
  pageSize?: number;
  signal?: AbortSignal;
  /** Identity of an item for repeated-page detection; default `id`, `entity_id`, `sku`, `increment_id`, else the JSON. */
  idOf?: (item: T) => unknown;
}

/**
 * Iterates over every item of a search endpoint (`GET /V1/products`, `/V1/orders`, …), page by
 * page, in order. Stops at the page count computed from the first `total_count`, and also when a
 * page is empty or repeats the previous one (Magento answers an out-of-range `currentPage` with
 * the last page again). Prefetches up to `concurrency` pages; holds no more than that many pages
 * in memory. Breaking out of the loop aborts prefetches.
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
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const fetchPage = (page: number) =>
    client
      .get<SearchResults<T>>(path, {
        query: sized.page(page).toQueryString(),
        signal: controller.signal,
        store: options.store,
        mode: options.mode,
      })
      .then((r) => checkPage(r, path, page));
  const window = new Map<number, Promise<SearchResults<T>>>();
  try {
    const first = sized.data.currentPage ?? 1;
    const firstPage = await fetchPage(first);
    const lastPage =
      typeof firstPage.total_count === 'number'
        ? Math.ceil(firstPage.total_count / pageSize)
        : Number.POSITIVE_INFINITY;
    let previous = fingerprint(firstPage.items, options.idOf);
    yield* firstPage.items;
    let next = first + 1;
    for (let page = first + 1; page <= lastPage; page++) {
      for (; window.size < concurrency && next <= lastPage; next++) window.set(next, silence(fetchPage(next)));
      const result = await (window.get(page) as Promise<SearchResults<T>>);
      window.delete(page);
      if (result.items.length === 0) return;
      const current = fingerprint(result.items, options.idOf);
      if (current === previous)
        return void client.config.emit({
          type: 'warning',
          message: `${path}: page ${page} repeats page ${page - 1}; stopping (total_count ${firstPage.total_count ?? 'absent'}).`,
        });
      previous = current;
      for (const item of result.items) yield item;
      if (lastPage === Number.POSITIVE_INFINITY && result.items.length < pageSize) return;
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (window.size > 0) controller.abort();
  }
}

/** Keeps an unawaited prefetch from becoming an unhandled rejection; awaiting it still throws. */
function silence<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
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
