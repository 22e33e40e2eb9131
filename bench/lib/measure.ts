/** Small benchmark helpers: every result is printed next to a baseline measured in the same run. */

export interface Measurement {
  name: string;
  opsPerSecond: number;
}

/**
 * Runs `fn` (one pass over a corpus of `itemsPerCall` items) repeatedly for about `seconds`, in
 * `rounds` rounds, and returns the median items per second.
 */
export function measure(name: string, itemsPerCall: number, fn: () => void, seconds = 1, rounds = 5): Measurement {
  for (let i = 0; i < 20; i++) fn(); // warm-up
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let calls = 0;
    const start = process.hrtime.bigint();
    const budget = BigInt(Math.round((seconds / rounds) * 1e9));
    let elapsed = 0n;
    while (elapsed < budget) {
      fn();
      calls++;
      elapsed = process.hrtime.bigint() - start;
    }
    rates.push((calls * itemsPerCall) / (Number(elapsed) / 1e9));
  }
  rates.sort((a, b) => a - b);
  return { name, opsPerSecond: rates[Math.floor(rates.length / 2)] };
}

/** Prints a table of measurements with ratios against the baseline. */
export function printTable(title: string, unit: string, rows: Measurement[], baseline: Measurement): void {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) {
    const ratio = row.opsPerSecond / baseline.opsPerSecond;
    console.log(
      `  ${row.name.padEnd(width)}  ${Math.round(row.opsPerSecond).toLocaleString('en-US').padStart(12)} ${unit}/s   ${ratio.toFixed(2)}x ${row === baseline ? '(baseline)' : `of ${baseline.name}`}`,
    );
  }
}

/** Two measurements taken in the same rounds, and the median of their per-round ratios. */
export interface PairedMeasurement {
  ours: Measurement;
  theirs: Measurement;
  /** Median over the rounds of ours / theirs (each round measures both, so load swings hit both alike). */
  ratio: number;
  /** The lowest and highest per-round ratios. */
  range: [number, number];
}

function rateOf(fn: () => void, itemsPerCall: number, nanoseconds: bigint): number {
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < nanoseconds) {
    fn();
    calls++;
    elapsed = process.hrtime.bigint() - start;
  }
  return (calls * itemsPerCall) / (Number(elapsed) / 1e9);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Measures `ours` and `theirs` in alternating slices (`rounds` rounds of `sliceSeconds` each, the
 * order swapped every round), so a busy machine slows both alike, and returns the median rates and
 * the median of the per-round ratios.
 */
export function measurePaired(
  names: [ours: string, theirs: string],
  itemsPerCall: [ours: number, theirs: number],
  fns: [ours: () => void, theirs: () => void],
  rounds = 41,
  sliceSeconds = 0.05,
): PairedMeasurement {
  for (let i = 0; i < 20; i++) fns.forEach((fn) => fn()); // warm-up
  const slice = BigInt(Math.round(sliceSeconds * 1e9));
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      ours.push(rateOf(fns[0], itemsPerCall[0], slice));
      theirs.push(rateOf(fns[1], itemsPerCall[1], slice));
    } else {
      theirs.push(rateOf(fns[1], itemsPerCall[1], slice));
      ours.push(rateOf(fns[0], itemsPerCall[0], slice));
    }
  }
  const ratios = ours.map((rate, i) => rate / theirs[i]).sort((a, b) => a - b);
  return {
    ours: { name: names[0], opsPerSecond: median(ours) },
    theirs: { name: names[1], opsPerSecond: median(theirs) },
    ratio: median(ratios),
    range: [ratios[0], ratios[ratios.length - 1]],
  };
}
