import { createPagePipeline } from './page-pipeline';

/** Page fetches the test settles by hand. */
function createManualPages() {
  const started: number[] = [];
  const settle = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void }>();
  return {
    started,
    fetchPage: (page: number) =>
      new Promise<string>((resolve, reject) => {
        started.push(page);
        settle.set(page, { resolve, reject });
      }),
    resolve: async (page: number, value = `page ${page}`) => {
      settle.get(page)?.resolve(value);
      await new Promise((resolve) => setImmediate(resolve));
    },
    reject: async (page: number) => {
      settle.get(page)?.reject(new Error(`page ${page} failed`));
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('createPagePipeline', () => {
  it('keeps `concurrency` pages in flight and starts the next one when a page arrives', async () => {
    const pages = createManualPages();
    const pipeline = createPagePipeline({ from: 2, to: 9, concurrency: 2, window: 4, fetchPage: pages.fetchPage });
    expect(pages.started).toEqual([2, 3]);
    await pages.resolve(3);
    expect(pages.started).toEqual([2, 3, 4]);
    await pages.resolve(2);
    expect(pages.started).toEqual([2, 3, 4, 5]);
    // Four pages ahead of the consumer (2, 3 fetched; 4, 5 in flight): the window is full.
    await pages.resolve(4);
    expect(pages.started).toEqual([2, 3, 4, 5]);
    expect(await pipeline.take()).toBe('page 2');
    expect(pages.started).toEqual([2, 3, 4, 5, 6]);
    expect(pipeline.pending).toBe(4);
  });

  it('yields pages in order and ends after `to`', async () => {
    const pages = createManualPages();
    const pipeline = createPagePipeline({ from: 1, to: 3, concurrency: 3, window: 6, fetchPage: pages.fetchPage });
    await pages.resolve(3);
    await pages.resolve(1);
    await pages.resolve(2);
    const taken = [await pipeline.take(), await pipeline.take(), await pipeline.take()];
    expect(taken).toEqual(['page 1', 'page 2', 'page 3']);
    expect(pipeline.take()).toBeUndefined();
    expect(pages.started).toEqual([1, 2, 3]);
  });

  it('with a window of 0 starts each page when it is taken', async () => {
    const pages = createManualPages();
    const pipeline = createPagePipeline({ from: 1, to: 3, concurrency: 1, window: 0, fetchPage: pages.fetchPage });
    expect(pages.started).toEqual([]);
    const first = pipeline.take();
    expect(pages.started).toEqual([1]);
    await pages.resolve(1);
    expect(await first).toBe('page 1');
    expect(pages.started).toEqual([1]);
  });

  it('stops after a page isEnd calls the end', async () => {
    const pages = createManualPages();
    const pipeline = createPagePipeline({
      from: 1,
      to: Number.POSITIVE_INFINITY,
      concurrency: 1,
      window: 3,
      fetchPage: pages.fetchPage,
      isEnd: (page) => page === 'short',
    });
    await pages.resolve(1);
    await pages.resolve(2, 'short');
    expect(pages.started).toEqual([1, 2]);
    expect([await pipeline.take(), await pipeline.take(), pipeline.take()]).toEqual(['page 1', 'short', undefined]);
  });

  it('starts nothing after a failure, which the consumer gets when it takes that page', async () => {
    const pages = createManualPages();
    const pipeline = createPagePipeline({ from: 1, to: 9, concurrency: 2, window: 2, fetchPage: pages.fetchPage });
    await pages.reject(2);
    await pages.resolve(1);
    expect(pages.started).toEqual([1, 2]);
    expect(await pipeline.take()).toBe('page 1');
    await expect(pipeline.take()).rejects.toThrow('page 2 failed');
    expect(pipeline.take()).toBeUndefined();
    expect(pages.started).toEqual([1, 2]);
  });

  it('starts nothing after stop()', async () => {
    const pages = createManualPages();
    const pipeline = createPagePipeline({ from: 1, to: 9, concurrency: 1, window: 3, fetchPage: pages.fetchPage });
    pipeline.stop();
    await pages.resolve(1);
    expect(pages.started).toEqual([1]);
  });
});
