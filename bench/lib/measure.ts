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
    console.log(`  ${row.name.padEnd(width)}  ${Math.round(row.opsPerSecond).toLocaleString('en-US').padStart(12)} ${unit}/s   ${ratio.toFixed(2)}x ${row === baseline ? '(baseline)' : `of ${baseline.name}`}`);
  }
}
