/** Options of {@link createPagePipeline}. */
export interface PagePipelineOptions<P> {
  /** The first page to fetch. */
  from: number;
  /** The last page (Infinity when the store gave no `total_count`). */
  to: number;
  /** Requests in flight at most. */
  concurrency: number;
  /**
   * Pages started ahead of the consumer (fetched or in flight, not taken) at most, so memory stays
   * flat however slow the consumer is. 0: each page starts when it is taken.
   */
  window: number;
  fetchPage(page: number): Promise<P>;
  /** True when a fetched page is the end (a short page without `total_count`): nothing after it starts. */
  isEnd?(page: P): boolean;
}

/** Fetches pages ahead of a consumer that takes them in order (the first fetches start at once). */
export interface PagePipeline<P> {
  /** The next page, in order (starting it if it was not); undefined after the last. */
  take(): Promise<P> | undefined;
  /** Starts nothing more (fetches in flight are left to the caller's abort signal). */
  stop(): void;
  /** Pages started and not yet taken. */
  readonly pending: number;
}

/**
 * A page fetcher that keeps `concurrency` requests busy: a finished request starts the next page
 * at once, not when the consumer gets to it, so each request slot waits for the store and never for
 * the consumer's parsing and processing. `window` bounds the pages held (fetched or in flight, not
 * taken), which keeps the heap flat. A failed page stops new fetches; its error reaches the
 * consumer when it takes that page.
 */
export function createPagePipeline<P>(options: PagePipelineOptions<P>): PagePipeline<P> {
  const { from, concurrency, fetchPage, isEnd } = options;
  const window = Math.max(0, options.window);
  const pages = new Map<number, Promise<P>>();
  let to = options.to;
  let next = from;
  let taken = from - 1;
  let inFlight = 0;
  let stopped = false;

  const fill = (): void => {
    while (!stopped && next <= to && inFlight < concurrency && next - 1 - taken < window) start(next++);
  };
  const start = (page: number): void => {
    inFlight++;
    const fetched = fetchPage(page).then(
      (result) => {
        inFlight--;
        if (isEnd?.(result)) to = Math.min(to, page);
        fill();
        return result;
      },
      (error: unknown) => {
        inFlight--;
        stopped = true;
        throw error;
      },
    );
    fetched.catch(() => undefined); // taken later; an unawaited failure must not be unhandled
    pages.set(page, fetched);
  };
  fill();

  return {
    take() {
      const page = taken + 1;
      if (page === next && page <= to && !stopped) start(next++); // not started ahead: start it now
      const fetched = pages.get(page);
      if (fetched === undefined || page > to) return undefined;
      pages.delete(page);
      taken = page;
      fill(); // its place in the window is free
      return fetched;
    },
    stop() {
      stopped = true;
    },
    get pending() {
      return pages.size;
    },
  };
}
