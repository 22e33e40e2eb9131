/**
 * Timing and heap of the ways of syncing, measured in alternating rounds: each round times one pass
 * of every way (the order rotated each round), so a machine that gets busier or quieter during the
 * run slows them alike, and ratios are taken per round. A run is given `sample`, to call once per
 * page: timed passes ignore it; the heap pass of each way (one, after the rounds) forces a GC every
 * 10 pages and keeps the largest heapUsed after it (the live heap: what the run still holds), which
 * needs --expose-gc (bench/run.mjs passes it).
 */
import { loadavg } from 'node:os';

/** One way of syncing every product; resolves the number of items it saw. */
export type SyncRun = (sample: () => void) => Promise<number>;

/** A way of syncing, named. */
export interface SyncWay {
  name: string;
  run: SyncRun;
}

/** What one way of syncing did. */
export interface SyncResult {
  name: string;
  items: number;
  /** Seconds of each timed pass, one per round. */
  passes: number[];
  /** Median seconds. */
  seconds: number;
  /** Peak live heap above the heap before the run (MB); NaN without --expose-gc. */
  peakLiveMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The 1-minute load average, for the record next to the numbers. */
export const loadAverage = (): string => loadavg()[0].toFixed(2);

/** `rounds` rounds of one timed pass of every way, then one heap pass of each. */
export async function measureRounds(ways: SyncWay[], expected: number, rounds: number): Promise<SyncResult[]> {
  const passes = ways.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < ways.length; k++) {
      const index = (k + round) % ways.length;
      passes[index].push(await timePass(ways[index], expected));
    }
    console.log(
      `  round ${round + 1}: ${ways.map((way, i) => `${way.name.split(' (')[0]} ${passes[i][round].toFixed(2)} s`).join(', ')} (load average ${loadAverage()})`,
    );
  }
  const results: SyncResult[] = [];
  for (const [i, way] of ways.entries()) {
    const peakLiveMb = gc ? await heapPass(way, expected) : Number.NaN;
    results.push({ name: way.name, items: expected, passes: passes[i], seconds: median(passes[i]), peakLiveMb });
  }
  return results;
}

async function timePass(way: SyncWay, expected: number): Promise<number> {
  gc?.();
  const start = process.hrtime.bigint();
  const items = await way.run(() => undefined);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  checkCount(way.name, items, expected);
  return seconds;
}

async function heapPass(way: SyncWay, expected: number): Promise<number> {
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
  const items = await way.run(sample);
  checkCount(way.name, items, expected);
  return (peak - baseline) / 2 ** 20;
}

function checkCount(name: string, items: number, expected: number): void {
  if (items !== expected) throw new Error(`${name} saw ${items} items, expected ${expected}.`);
}
