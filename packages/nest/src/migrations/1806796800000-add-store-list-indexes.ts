import type { MigrationInterface, QueryRunner } from 'typeorm';
import { index } from './migration-columns';

/** One index the stores list and the dashboard's figures read (table, name, columns). */
export interface StoreListIndex {
  table: string;
  name: string;
  columns: string[];
}

/**
 * The B-tree indexes of the admin API's stores list and the dashboard's activity figures, on every
 * driver: newest stores first (`ORDER BY created_at DESC, id DESC` walks the first backwards, one
 * status at a time the second), activations started and failed per day.
 */
export const STORE_LIST_INDEXES: readonly StoreListIndex[] = [
  { table: 'magekit_stores', name: 'IDX_magekit_stores_created', columns: ['created_at', 'id'] },
  { table: 'magekit_stores', name: 'IDX_magekit_stores_status_created', columns: ['status', 'created_at', 'id'] },
  { table: 'magekit_activations', name: 'IDX_magekit_activations_created', columns: ['created_at'] },
  { table: 'magekit_activations', name: 'IDX_magekit_activations_state_updated', columns: ['state', 'updated_at'] },
];

/**
 * PostgreSQL only: a trigram GIN index over the lower-cased columns the stores search reads (base
 * URL, consumer key, IMS client id, tenant), so that `LOWER(column) LIKE '%text%'` is answered from
 * the index. Needs the `pg_trgm` extension (trusted since PostgreSQL 13: a database owner may create
 * it); without it the index is left out and the search reads the table.
 */
export const STORE_SEARCH_TRIGRAM_INDEX = 'IDX_magekit_stores_search_trgm';

const SEARCH_COLUMNS = ['store_base_url', 'consumer_key', 'ims_client_id', 'tenant'];

/** Creates {@link STORE_LIST_INDEXES} and, on PostgreSQL with `pg_trgm`, {@link STORE_SEARCH_TRIGRAM_INDEX}. */
export async function createStoreListIndexes(r: QueryRunner): Promise<void> {
  for (const { table, name, columns } of STORE_LIST_INDEXES) await r.createIndex(table, index(name, columns));
  if (r.connection.driver.options.type !== 'postgres') return;
  // In a PL/pgSQL block with its own handler: a server without the extension (or a user who may not
  // create it) leaves the migration's transaction intact.
  await r.query(`DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN others THEN
  RAISE NOTICE 'pg_trgm is not available (%): the stores search reads the table', SQLERRM;
END $$`);
  // The extension lives in one schema of the database, maybe not one on this connection's
  // search_path (created earlier from another schema): its operator class is named with its schema.
  const [found] = (await r.query(
    `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
  )) as { schema: string }[];
  if (found === undefined) return;
  const opclass = `"${found.schema.replace(/"/g, '""')}".gin_trgm_ops`;
  const operands = SEARCH_COLUMNS.map((column) => `lower(${column}) ${opclass}`).join(', ');
  await r.query(`CREATE INDEX "${STORE_SEARCH_TRIGRAM_INDEX}" ON magekit_stores USING gin (${operands})`);
}

/** Drops what {@link createStoreListIndexes} created (the `pg_trgm` extension stays: others may use it). */
export async function dropStoreListIndexes(r: QueryRunner): Promise<void> {
  if (r.connection.driver.options.type === 'postgres')
    await r.query(`DROP INDEX IF EXISTS "${STORE_SEARCH_TRIGRAM_INDEX}"`);
  for (const { table, name } of [...STORE_LIST_INDEXES].reverse()) await r.dropIndex(table, name);
}

/** Indexes for the stores list at scale (status filter, newest first, search, counts) and the activity figures. */
export class AddStoreListIndexes1806796800000 implements MigrationInterface {
  name = 'AddStoreListIndexes1806796800000';

  async up(r: QueryRunner): Promise<void> {
    await createStoreListIndexes(r);
  }

  async down(r: QueryRunner): Promise<void> {
    await dropStoreListIndexes(r);
  }
}
