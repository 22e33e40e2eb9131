import type { MigrationInterface, QueryRunner } from 'typeorm';
import { column as c } from './migration-columns';

/** `clock_skew_ms` on stores: the clock correction a store's client learnt, kept across restarts. */
export class AddStoreClockSkew1801440000000 implements MigrationInterface {
  name = 'AddStoreClockSkew1801440000000';

  async up(r: QueryRunner): Promise<void> {
    await r.addColumn('magekit_stores', c(r, 'clock_skew_ms', 'integer', { nullable: true }));
  }

  async down(r: QueryRunner): Promise<void> {
    await r.dropColumn('magekit_stores', 'clock_skew_ms');
  }
}
