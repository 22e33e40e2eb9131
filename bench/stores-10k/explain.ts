/**
 * EXPLAIN ANALYZE of the SQL the service runs: the queries of one request per case are captured
 * from the service's DataSource logger (the exact text and parameters TypeORM sends), then run
 * again under EXPLAIN ANALYZE; printed as one line per query (plan nodes and execution time).
 */
import type { DataSource } from 'typeorm';
import type { RequestCase, TimedClient } from './latency';

export interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

/** The SELECTs the service runs while answering `path`. */
export async function captureQueries(service: DataSource, client: TimedClient, path: string): Promise<CapturedQuery[]> {
  const logger = service.logger;
  const original = logger.logQuery.bind(logger);
  const captured: CapturedQuery[] = [];
  logger.logQuery = (sql, parameters, runner) => {
    if (/^\s*SELECT/i.test(sql)) captured.push({ sql, parameters: (parameters ?? []) as unknown[] });
    return original(sql, parameters, runner);
  };
  try {
    await client.get(path);
  } finally {
    logger.logQuery = original;
  }
  return captured;
}

/** The plan nodes (with their index or table) and the execution time of one query. */
export async function explainQuery(
  dataSource: DataSource,
  query: CapturedQuery,
): Promise<{ nodes: string[]; ms: number; plan: string }> {
  const rows: { 'QUERY PLAN': string }[] = await dataSource.query(
    `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
    query.parameters,
  );
  const lines = rows.map((row) => row['QUERY PLAN']);
  const nodes = lines
    .map(
      (line) =>
        /(?:->\s+)?((?:Parallel )?(?:Index Only Scan|Index Scan|Bitmap Index Scan|Bitmap Heap Scan|Seq Scan|Sort|Incremental Sort|HashAggregate|GroupAggregate|Aggregate|BitmapOr|Limit)(?: Backward)?(?: using \S+| on \S+)?)/.exec(
          line.trim(),
        )?.[1],
    )
    .filter((node): node is string => node !== undefined);
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(lines.join('\n'))?.[1] ?? Number.NaN);
  return { nodes, ms, plan: lines.join('\n') };
}

/** EXPLAIN ANALYZE runs of each query (the median is printed). */
const REPEATS = 5;

/**
 * Prints, for the first path of each case, every SELECT the service ran with its plan and the
 * median execution time of {@link REPEATS} runs; returns the SQL time per case (sum over its queries).
 */
export async function printPlans(
  title: string,
  service: DataSource,
  client: TimedClient,
  cases: readonly RequestCase[],
): Promise<Map<string, number>> {
  console.log(`\n${title}`);
  const perCase = new Map<string, number>();
  for (const item of cases) {
    const queries = await captureQueries(service, client, item.paths[0]);
    let sum = 0;
    for (const query of queries) {
      const runs = [];
      for (let i = 0; i < REPEATS; i++) runs.push(await explainQuery(service, query));
      const ms = runs.map((run) => run.ms).sort((a, b) => a - b)[Math.floor(REPEATS / 2)];
      const { nodes, plan } = runs[runs.length - 1];
      sum += ms;
      const table = /FROM\s+"?(\w+)"?/i.exec(query.sql)?.[1] ?? '?';
      console.log(
        `  ${item.name.padEnd(32)} ${table.padEnd(28)} ${ms.toFixed(2).padStart(7)} ms  ${nodes.join(' > ')}`,
      );
      if (process.env.BENCH_VERBOSE) console.log(`${query.sql}\n${JSON.stringify(query.parameters)}\n${plan}\n`);
    }
    perCase.set(item.name, sum);
  }
  return perCase;
}

/** SQL execution time per case without / with the indexes, and the ratio for the list cases together. */
export function printSqlRatios(
  cases: readonly RequestCase[],
  without: Map<string, number>,
  withIndexes: Map<string, number>,
): number {
  console.log('\nSQL execution time per request (EXPLAIN ANALYZE, median of 5, sum of its queries)');
  let before = 0;
  let after = 0;
  for (const item of cases) {
    const a = without.get(item.name) ?? Number.NaN;
    const b = withIndexes.get(item.name) ?? Number.NaN;
    if (item.list) {
      before += a;
      after += b;
    }
    console.log(
      `  ${item.name.padEnd(32)} without ${a.toFixed(2).padStart(7)} ms  with ${b.toFixed(2).padStart(7)} ms  ${(a / b).toFixed(1).padStart(6)}x`,
    );
  }
  console.log(
    `  ${'list requests together'.padEnd(32)} without ${before.toFixed(2).padStart(7)} ms  with ${after.toFixed(2).padStart(7)} ms  ${(before / after).toFixed(1).padStart(6)}x`,
  );
  return before / after;
}
