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

/** Prints, for the first path of each case, every SELECT the service ran with its plan summary. */
export async function printPlans(
  title: string,
  service: DataSource,
  client: TimedClient,
  cases: readonly RequestCase[],
): Promise<void> {
  console.log(`\n${title}`);
  for (const item of cases) {
    const queries = await captureQueries(service, client, item.paths[0]);
    for (const query of queries) {
      const { nodes, ms, plan } = await explainQuery(service, query);
      const table = /FROM\s+"?(\w+)"?/i.exec(query.sql)?.[1] ?? '?';
      console.log(
        `  ${item.name.padEnd(32)} ${table.padEnd(28)} ${ms.toFixed(2).padStart(7)} ms  ${nodes.join(' > ')}`,
      );
      if (process.env.BENCH_VERBOSE) console.log(`${query.sql}\n${JSON.stringify(query.parameters)}\n${plan}\n`);
    }
  }
}
