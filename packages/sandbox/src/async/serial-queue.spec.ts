import { SerialQueue, type Defer } from './serial-queue';

/** A Defer that runs nothing until `flush()`. */
function manualDefer(): Defer & { flush(): void; pending: number } {
  const queued: Array<() => void> = [];
  const defer = ((run: () => void) => void queued.push(run)) as Defer & { flush(): void; pending: number };
  defer.flush = () => {
    for (const run of queued.splice(0)) run();
  };
  Object.defineProperty(defer, 'pending', { get: () => queued.length });
  return defer;
}

describe('SerialQueue: one consumer, first in first out', () => {
  it('runs nothing until the deferred start, then every job in order, one at a time', async () => {
    const log: string[] = [];
    const defer = manualDefer();
    const queue = new SerialQueue<string>(async (job) => {
      log.push(`start ${job}`);
      await Promise.resolve();
      log.push(`end ${job}`);
    }, defer);
    queue.push(['a', 'b']);
    queue.push(['c']);
    expect(log).toEqual([]);
    expect(defer.pending).toBe(1);
    defer.flush();
    await queue.idle();
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('goes on after a job fails', async () => {
    const done: number[] = [];
    const queue = new SerialQueue<number>(async (job) => {
      if (job === 1) throw new Error('boom');
      done.push(job);
    });
    queue.push([1, 2]);
    await queue.idle();
    expect(done).toEqual([2]);
  });

  it('holds jobs while paused (idle resolves), runs them on resume', async () => {
    const done: string[] = [];
    const queue = new SerialQueue<string>(async (job) => void done.push(job));
    queue.pause();
    queue.push(['x']);
    await queue.idle();
    expect(done).toEqual([]);
    expect(queue.size).toBe(1);
    queue.resume();
    await queue.idle();
    expect(done).toEqual(['x']);
  });

  it('stop lets the running job finish, drops the waiting ones and ignores later pushes', async () => {
    const done: string[] = [];
    let release: () => void = () => undefined;
    const queue = new SerialQueue<string>(async (job) => {
      if (job === 'slow') await new Promise<void>((resolve) => (release = resolve));
      done.push(job);
    });
    queue.push(['slow', 'next']);
    await new Promise((resolve) => setImmediate(resolve));
    const stopped = queue.stop();
    queue.push(['late']);
    release();
    await stopped;
    await queue.idle();
    expect(done).toEqual(['slow']);
  });
});
