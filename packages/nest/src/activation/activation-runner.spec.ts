import { ActivationRunner, CALLBACK_PRIORITY_MAX_MS, MAX_CONCURRENT_RUNS } from './activation-runner';
import { CallbackTraffic, QUIET_AFTER_MS } from './callback-traffic';

/** A runner whose runs are held open by the test (the handshake itself is covered by the e2e suites). */
function heldRunner(traffic = new CallbackTraffic()) {
  const none = {} as never;
  const runner = new ActivationRunner(
    none,
    none,
    none,
    none,
    none,
    none,
    () => 0,
    async () => undefined,
    none,
    traffic,
  );
  const open = new Map<string, () => void>();
  const order: string[] = [];
  jest.spyOn(runner, 'run').mockImplementation(
    (id: string) =>
      new Promise<void>((resolve) => {
        order.push(id);
        open.set(id, () => {
          open.delete(id);
          resolve();
        });
      }),
  );
  return { runner, open, order };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ActivationRunner background runs', () => {
  it(`runs at most ${MAX_CONCURRENT_RUNS} at once, the others in arrival order as slots free`, async () => {
    const { runner, open, order } = heldRunner();
    const ids = Array.from({ length: MAX_CONCURRENT_RUNS + 3 }, (_, i) => `a${i}`);
    for (const id of ids) runner.start(id);
    await tick();
    expect(order).toEqual(ids.slice(0, MAX_CONCURRENT_RUNS));
    expect(ids.every((id) => runner.isRunning(id))).toBe(true);
    open.get('a3')?.();
    await tick();
    expect(order).toEqual(ids.slice(0, MAX_CONCURRENT_RUNS + 1));
    expect(runner.isRunning('a3')).toBe(false);
    for (const id of [...open.keys()]) open.get(id)?.();
    await tick();
    for (const id of [...open.keys()]) open.get(id)?.();
    await runner.settled();
    expect(order).toEqual(ids);
  });

  it('starts one run per activation at a time', async () => {
    const { runner, open, order } = heldRunner();
    runner.start('a');
    runner.start('a');
    await tick();
    expect(order).toEqual(['a']);
    open.get('a')?.();
    await runner.settled();
    runner.start('a');
    await tick();
    expect(order).toEqual(['a', 'a']);
    open.get('a')?.();
    await runner.settled();
  });

  it('at shutdown, runs waiting for a slot are dropped (left for a sweeper) and running ones finish', async () => {
    const { runner, open, order } = heldRunner();
    for (let i = 0; i < MAX_CONCURRENT_RUNS + 2; i += 1) runner.start(`a${i}`);
    await tick();
    runner.stopWaiting();
    runner.start('late');
    for (const id of [...open.keys()]) open.get(id)?.();
    await runner.settled();
    expect(order).toHaveLength(MAX_CONCURRENT_RUNS);
    expect(runner.isRunning(`a${MAX_CONCURRENT_RUNS}`)).toBe(false);
  });

  describe('callbacks first', () => {
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
    afterEach(() => jest.useRealTimers());

    it(`starts no run while a callback is in flight; they start in arrival order ${QUIET_AFTER_MS} ms after the last one`, async () => {
      const traffic = new CallbackTraffic();
      const { runner, open, order } = heldRunner(traffic);
      traffic.enter();
      runner.start('a');
      traffic.enter();
      runner.start('b');
      traffic.leave();
      await jest.advanceTimersByTimeAsync(QUIET_AFTER_MS * 2);
      expect(order).toEqual([]);
      expect(runner.isRunning('a')).toBe(true);
      traffic.leave();
      await jest.advanceTimersByTimeAsync(QUIET_AFTER_MS - 1);
      expect(order).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      await tick();
      expect(order).toEqual(['a', 'b']);
      for (const id of [...open.keys()]) open.get(id)?.();
      await runner.settled();
    });

    it(`starts a run after ${CALLBACK_PRIORITY_MAX_MS} ms however long callbacks keep arriving`, async () => {
      const traffic = new CallbackTraffic();
      const { runner, open, order } = heldRunner(traffic);
      traffic.enter();
      runner.start('a');
      await jest.advanceTimersByTimeAsync(CALLBACK_PRIORITY_MAX_MS - 1);
      expect(order).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      await tick();
      expect(order).toEqual(['a']);
      open.get('a')?.();
      await runner.settled();
      traffic.leave();
    });

    it('at shutdown, runs waiting for the callbacks are dropped (left for a sweeper)', async () => {
      const traffic = new CallbackTraffic();
      const { runner, order } = heldRunner(traffic);
      traffic.enter();
      runner.start('a');
      runner.stopWaiting();
      await runner.settled();
      expect(order).toEqual([]);
      expect(runner.isRunning('a')).toBe(false);
      traffic.leave();
    });
  });
});
