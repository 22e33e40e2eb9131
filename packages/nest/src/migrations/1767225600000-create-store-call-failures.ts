import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { column as c, foreignKey, index } from './migration-columns';

/** Recent failed REST calls per store (`magekit_store_call_failures`), for the admin API. */
export class CreateStoreCallFailures1767225600000 implements MigrationInterface {
  name = 'CreateStoreCallFailures1767225600000';

  async up(r: QueryRunner): Promise<void> {
    await r.createTable(
      new Table({
        name: 'magekit_store_call_failures',
        columns: [
          c(r, 'id', 'uuid', { primary: true }),
          c(r, 'store_id', 'uuid'),
          c(r, 'method', { varchar: 10 }),
          c(r, 'path', 'text'),
          c(r, 'status', 'integer', { nullable: true }),
          c(r, 'code', { varchar: 40 }),
          c(r, 'message', 'text'),
          c(r, 'hint', 'text', { nullable: true }),
          c(r, 'attempts', 'integer'),
          c(r, 'base_string', 'text', { nullable: true }),
          c(r, 'signature_profile', { varchar: 16 }, { nullable: true }),
          c(r, 'occurred_at', 'timestamp'),
        ],
        indices: [index('IDX_magekit_store_call_failures_store', ['store_id', 'occurred_at'])],
        foreignKeys: [foreignKey('FK_magekit_store_call_failures_store', 'store_id', 'magekit_stores', 'CASCADE')],
      }),
    );
  }

  async down(r: QueryRunner): Promise<void> {
    await r.dropTable('magekit_store_call_failures', true, true, true);
  }
}
