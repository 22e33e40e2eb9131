import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { column as c, index } from './migration-columns';

/** Failed identity-link sign-ins per e-mail and per client IP (`magekit_sign_in_attempts`), for the lockout. */
export class CreateSignInAttempts1796083200000 implements MigrationInterface {
  name = 'CreateSignInAttempts1796083200000';

  async up(r: QueryRunner): Promise<void> {
    await r.createTable(
      new Table({
        name: 'magekit_sign_in_attempts',
        columns: [
          c(r, 'id', 'uuid', { primary: true }),
          c(r, 'kind', { varchar: 8 }),
          c(r, 'subject_hash', { varchar: 64 }),
          c(r, 'failures', 'integer'),
          c(r, 'window_ends_at', 'timestamp'),
        ],
        indices: [
          index('UQ_magekit_sign_in_attempts_subject', ['kind', 'subject_hash'], true),
          index('IDX_magekit_sign_in_attempts_window', ['window_ends_at']),
        ],
      }),
    );
  }

  async down(r: QueryRunner): Promise<void> {
    await r.dropTable('magekit_sign_in_attempts', true, true, true);
  }
}
