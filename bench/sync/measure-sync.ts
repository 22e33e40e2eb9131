/**
 * Timing and heap of one sync. A run is given `sample`, to call once per page: the timed pass only
 * counts pages there; the heap pass forces a GC every 10 pages and keeps the largest heapUsed after
 * it (the live heap: what the run still holds), needing --expose-gc (bench/run.mjs passes it).
 */

/** One way of syncing every product; resolves the number of items it saw. */
export type SyncRun = (sample: () => void) => Promise<number>;

/** What one way of syncing did. */
export interface SyncResult {
  name: string;
  items: number;
  /** Median of the timed passes. */
  seconds: number;
  /** Every timed pass, in order. */
  passes: number[];
  /** Peak live heap above the heap before the run (MB); NaN without --expose-gc. */
  peakLiveMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** `timedPasses` timed passes (median kept), then one heap pass. */
export async function measureSync(name: string, expected: number, run: SyncRun, timedPasses = 1): Promise<SyncResult> {
  const passes: number[] = [];
  for (let pass = 0; pass < timedPasses; pass++) passes.push(await timePass(name, expected, run));
  const peakLiveMb = gc ? await heapPass(name, expected, run) : Number.NaN;
  const seconds = [...passes].sort((a, b) => a - b)[Math.floor(passes.length / 2)];
  return { name, items: expected, seconds, passes, peakLiveMb };
}

async function timePass(name: string, expected: number, run: SyncRun): Promise<number> {
  gc?.();
  const start = process.hrtime.bigint();
  const items = await run(() => undefined);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  checkCount(name, items, expected);
  return seconds;
}

async function heapPass(name: string, expected: number, run: SyncRun): Promise<number> {
  const collect = gc as () => void;
  collect();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let pages = 0;
  const sample = () => {
    if (++pages % 10 !== 0) return;
    collect();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const items = await run(sample);
  collect();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  checkCount(name, items, expected);
  return (peak - baseline) / 2 ** 20;
}

function checkCount(name: string, items: number, expected: number): void {
  if (items !== expected) throw new Error(`${name} saw ${items} items, expected ${expected}.`);
}
