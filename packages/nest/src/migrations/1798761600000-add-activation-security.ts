import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { column as c, index } from './migration-columns';

/**
 * Activation security: `magekit_security_events`; on stores the creating client address, the
 * per-store handshake lease and room for 2,048-character base URLs; `disabled_at` on vendor accounts.
 */
export class AddActivationSecurity1798761600000 implements MigrationInterface {
  name = 'AddActivationSecurity1798761600000';

  async up(r: QueryRunner): Promise<void> {
    await r.createTable(
      new Table({
        name: 'magekit_security_events',
        columns: [
          c(r, 'id', 'uuid', { primary: true }),
          c(r, 'type', { varchar: 32 }),
          c(r, 'code', { varchar: 40 }, { nullable: true }),
          c(r, 'tenant', { varchar: 64 }, { nullable: true }),
          c(r, 'store_id', 'uuid', { nullable: true }),
          c(r, 'consumer_key', { varchar: 32 }, { nullable: true }),
          c(r, 'store_base_url', { varchar: 512 }, { nullable: true }),
          c(r, 'source_address', { varchar: 64 }, { nullable: true }),
          c(r, 'message', 'text'),
          c(r, 'occurred_at', 'timestamp'),
        ],
        indices: [
          index('IDX_magekit_security_events_time', ['occurred_at']),
          index('IDX_magekit_security_events_store', ['store_id']),
        ],
      }),
    );
    await r.addColumns('magekit_stores', [
      c(r, 'created_from_address', { varchar: 64 }, { nullable: true }),
      c(r, 'handshake_owner', { varchar: 36 }, { nullable: true }),
      c(r, 'handshake_lease_until', 'timestamp', { nullable: true }),
    ]);
    await r.createIndex(
      'magekit_stores',
      index('IDX_magekit_stores_pending', ['activated_at', 'created_from_address']),
    );
    await r.addColumn('magekit_vendor_accounts', c(r, 'disabled_at', 'timestamp', { nullable: true }));
    await resizeBaseUrl(r, 2048);
  }

  async down(r: QueryRunner): Promise<void> {
    await resizeBaseUrl(r, 512);
    await r.dropColumn('magekit_vendor_accounts', 'disabled_at');
    await r.dropIndex('magekit_stores', 'IDX_magekit_stores_pending');
    for (const name of ['handshake_lease_until', 'handshake_owner', 'created_from_address'])
      await r.dropColumn('magekit_stores', name);
    await r.dropTable('magekit_security_events', true, true, true);
  }
}

/** `store_base_url` as varchar(length) (SQLite rebuilds the table: TypeORM runs migrations there with foreign keys off). */
async function resizeBaseUrl(r: QueryRunner, length: number): Promise<void> {
  const table = await r.getTable('magekit_stores');
  const current = table?.findColumnByName('store_base_url');
  if (!table || !current) throw new Error('magekit_stores.store_base_url is missing');
  const resized = current.clone();
  resized.length = String(length);
  await r.changeColumn(table, current, resized);
}
