/**
 * bench/sandbox-seed: how fast the sandbox seeds products, and what a search over them costs.
 *
 * 1. Seeding: the sandbox's batched seeder (one transaction, one prepared statement, rows generated
 *    as they are inserted) against the obvious TypeORM way, `repository.save()` per product (its own
 *    transaction each), on the same schema (SANDBOX_ENTITIES, synchronize) in the same run. The
 *    baseline is measured on 2,000 products and extrapolated; the seeder runs 2,000 and 100,000.
 * 2. The whole app: `createSandboxApp` with 100,000 products, 50 customers, 200 orders (seed steps
 *    timed by the sandbox's own log lines).
 * 3. Searching 100,000 products: the SQL engine (`searchRows`: filter, sort, one page) against
 *    loading every row and filtering, sorting and paging in JavaScript.
 */
import { parseStrNested } from '@magekit/php';
import { DataSource } from 'typeorm';
import { createSandboxApp } from '../../packages/sandbox/src/create-sandbox-app';
import { PRODUCT_SEARCH } from '../../packages/sandbox/src/catalog/product-search';
import { ProductEntity } from '../../packages/sandbox/src/db/catalog.entity';
import { SANDBOX_ENTITIES } from '../../packages/sandbox/src/db/entities';
import { parseSearchCriteria } from '../../packages/sandbox/src/search/search-criteria';
import { searchRows } from '../../packages/sandbox/src/search/search-query';
import { createSqlRunner, nativeDatabase, type SqlRunner } from '../../packages/sandbox/src/search/sql-runner';
import { seedCatalog } from '../../packages/sandbox/src/seed/catalog-seeder';
import { createPrng } from '../../packages/sandbox/src/seed/prng';
import { seedProduct } from '../../packages/sandbox/src/seed/product-seed';
import { measure, printTable, type Measurement } from '../lib/measure';

const BASELINE_ROWS = 2_000;
const FULL_ROWS = 100_000;

async function openDatabase(): Promise<{ dataSource: DataSource; sql: SqlRunner }> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: SANDBOX_ENTITIES,
    synchronize: true,
  });
  await dataSource.initialize();
  return { dataSource, sql: createSqlRunner(nativeDatabase(dataSource)) };
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function timeBatched(rows: number): Promise<Measurement> {
  const { dataSource, sql } = await openDatabase();
  const start = process.hrtime.bigint();
  seedCatalog(sql, rows);
  const elapsed = seconds(start);
  const count = sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM catalog_product_entity')?.n;
  if (count !== rows) throw new Error(`batched seeder wrote ${count} rows, expected ${rows}`);
  await dataSource.destroy();
  console.log(`  batched seeder, ${rows.toLocaleString('en-US')} products: ${(elapsed * 1000).toFixed(0)} ms`);
  return { name: `batched seeder (${rows.toLocaleString('en-US')})`, opsPerSecond: rows / elapsed };
}

async function timeRepositorySave(rows: number): Promise<Measurement> {
  const { dataSource } = await openDatabase();
  const repository = dataSource.getRepository(ProductEntity);
  const prng = createPrng(0x5eed0001);
  const start = process.hrtime.bigint();
  for (let index = 1; index <= rows; index++) {
    const row = seedProduct(index, prng);
    await repository.save(
      repository.create({
        sku: row.sku,
        name: row.name,
        price: row.price,
        status: row.status,
        visibility: row.visibility,
        typeId: row.typeId,
        attributeSetId: row.attributeSetId,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        categoryIds: JSON.stringify(row.categoryIds),
        data: row.data,
      }),
    );
  }
  const elapsed = seconds(start);
  await dataSource.destroy();
  console.log(
    `  repository.save per product, ${rows.toLocaleString('en-US')} products: ${(elapsed * 1000).toFixed(0)} ms (100,000 extrapolated: ${((elapsed * FULL_ROWS) / rows).toFixed(1)} s)`,
  );
  return { name: `repository.save per row (${rows.toLocaleString('en-US')})`, opsPerSecond: rows / elapsed };
}

async function timeWholeApp(): Promise<void> {
  const lines: string[] = [];
  const start = process.hrtime.bigint();
  const app = await createSandboxApp(
    {
      database: ':memory:',
      seed: { products: FULL_ROWS, customers: 50, orders: 200 },
      log: (line) => lines.push(line),
    },
    { port: 0, logger: false },
  );
  const elapsed = seconds(start);
  await app.close();
  console.log(
    `\ncreateSandboxApp with ${FULL_ROWS.toLocaleString('en-US')} products, 50 customers, 200 orders: ${(elapsed * 1000).toFixed(0)} ms to listening`,
  );
  for (const line of lines) console.log(`  ${line}`);
}

interface Row {
  id: number;
  sku: string;
  name: string | null;
  price: number | null;
  status: number;
}

async function timeSearch(): Promise<void> {
  const { dataSource, sql } = await openDatabase();
  seedCatalog(sql, FULL_ROWS);
  const query = parseStrNested(
    'searchCriteria[filterGroups][0][filters][0][field]=name&searchCriteria[filterGroups][0][filters][0][value]=%25hoodie%25&searchCriteria[filterGroups][0][filters][0][conditionType]=like' +
      '&searchCriteria[filterGroups][1][filters][0][field]=status&searchCriteria[filterGroups][1][filters][0][value]=1' +
      '&searchCriteria[sortOrders][0][field]=price&searchCriteria[sortOrders][0][direction]=DESC&searchCriteria[pageSize]=20&searchCriteria[currentPage]=3',
  );
  const criteria = parseSearchCriteria(query, { maxPageSize: 300 });
  const viaSql = () => searchRows<Row>(sql, PRODUCT_SEARCH, criteria, { repeatLastPage: true });
  const inMemory = () => {
    const rows = sql.all<Row>('SELECT id, sku, name, price, status, data FROM catalog_product_entity');
    const matching = rows
      .filter((row) => (row.name ?? '').toLowerCase().includes('hoodie') && row.status === 1)
      .sort((a, b) => (b.price ?? 0) - (a.price ?? 0) || a.id - b.id);
    return { rows: matching.slice(40, 60), totalCount: matching.length };
  };
  const a = viaSql();
  const b = inMemory();
  if (a.totalCount !== b.totalCount || a.rows.map((row) => row.id).join() !== b.rows.map((row) => row.id).join())
    throw new Error('SQL search and in-memory search disagree');
  console.log(
    `\nsearch: name like %hoodie% AND status = 1, price DESC, page 3 of 20 (${a.totalCount.toLocaleString('en-US')} matches in ${FULL_ROWS.toLocaleString('en-US')}; both give the same page)`,
  );
  const baseline = measure('load all rows, filter/sort/page in JS', 1, inMemory, 3, 3);
  const engine = measure('searchRows (SQL WHERE/ORDER/LIMIT)', 1, viaSql, 3, 3);
  printTable('searches per second', 'searches', [baseline, engine], baseline);
  await dataSource.destroy();
}

async function main(): Promise<void> {
  console.log(`seeding products (same schema, same generator, in-memory SQLite)`);
  const baseline = await timeRepositorySave(BASELINE_ROWS);
  const small = await timeBatched(BASELINE_ROWS);
  const full = await timeBatched(FULL_ROWS);
  printTable('products seeded per second', 'products', [baseline, small, full], baseline);
  await timeWholeApp();
  await timeSearch();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
