/** The latency table of bench/stores-10k: each request kind without and with the indexes, and their ratio. */
import { formatPercentiles, percentiles, type CaseResult } from './latency';

export interface Comparison {
  /** p95 (ms, server side) of every list request together (list, filters, search, counts), with the indexes. */
  withP95: number;
  withoutP95: number;
  /** withoutP95 / withP95. */
  ratio: number;
}

export function printComparison(
  without: readonly CaseResult[],
  withIndexes: readonly CaseResult[],
  loads: readonly string[],
): Comparison {
  console.log(`\nServer-side time per request (sequential, keep-alive loopback; in-process request -> finish)`);
  console.log(`  without and with the indexes in alternating rounds; after each round: ${loads.join('; ')}`);
  const width = Math.max(...withIndexes.map((result) => result.name.length));
  withIndexes.forEach((result, i) => {
    const before = percentiles(without[i].server);
    const after = percentiles(result.server);
    const client = percentiles(result.client);
    console.log(`  ${result.name.padEnd(width)}  without: ${formatPercentiles(before)}`);
    console.log(
      `  ${''.padEnd(width)}  with:    ${formatPercentiles(after)}  -> p95 ${(before.p95 / after.p95).toFixed(1)}x  (client p95 ${client.p95.toFixed(1)} ms, ${result.bytes.toLocaleString('en-US')} bytes)`,
    );
  });
  const all = (results: readonly CaseResult[]) => percentiles(results.filter((r) => r.list).flatMap((r) => r.server));
  const before = all(without);
  const after = all(withIndexes);
  console.log(`  ${'ALL list requests'.padEnd(width)}  without: ${formatPercentiles(before)}`);
  console.log(
    `  ${''.padEnd(width)}  with:    ${formatPercentiles(after)}  -> p95 ${(before.p95 / after.p95).toFixed(1)}x`,
  );
  return { withP95: after.p95, withoutP95: before.p95, ratio: before.p95 / after.p95 };
}
