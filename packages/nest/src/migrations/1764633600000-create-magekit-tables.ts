import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { column as c, foreignKey, index } from './migration-columns';

const created = (r: QueryRunner) => [c(r, 'created_at', 'timestamp'), c(r, 'updated_at', 'timestamp')];

/** The initial magekit schema: vendor accounts, stores, activations and their events, identity links, API tokens. */
export class CreateMagekitTables1764633600000 implements MigrationInterface {
  name = 'CreateMagekitTables1764633600000';

  async up(r: QueryRunner): Promise<void> {
    await r.createTable(
      new Table({
        name: 'magekit_vendor_accounts',
        columns: [
          c(r, 'id', 'uuid', { primary: true }),
          c(r, 'email', { varchar: 254 }),
          c(r, 'name', { varchar: 200 }),
          c(r, 'password_hash', 'text'),
          ...created(r),
        ],
        indices: [index('UQ_magekit_vendor_accounts_email', ['email'], true)],
      }),
    );
    await r.createTable(
      new Table({
        name: 'magekit_stores',
        columns: [
          c(r, 'id', 'uuid', { primary: true }),
          c(r, 'tenant', { varchar: 64 }),
          c(r, 'consumer_key', { varchar: 32 }),
          c(r, 'consumer_secret_enc', 'text'),
          c(r, 'store_base_url', { varchar: 512 }),
          c(r, 'uses_index_php', 'boolean'),
          c(r, 'status', { varchar: 20 }),
          c(r, 'status_code', { varchar: 40 }, { nullable: true }),
          c(r, 'status_reason', 'text', { nullable: true }),
          c(r, 'status_hint', 'text', { nullable: true }),
          c(r, 'access_token_enc', 'text', { nullable: true }),
          c(r, 'access_token_secret_enc', 'text', { nullable: true }),
          c(r, 'signature_profile', { varchar: 16 }),
          c(r, 'vendor_account_id', 'uuid', { nullable: true }),
          c(r, 'facts', 'text', { nullable: true }),
          c(r, 'activated_at', 'timestamp', { nullable: true }),
          c(r, 'last_probed_at', 'timestamp', { nullable: true }),
          c(r, 'probe_lease_until', 'timestamp', { nullable: true }),
          ...created(r),
        ],
        indices: [
          index('UQ_magekit_stores_consumer_key', ['consumer_key'], true),
          index('IDX_magekit_stores_status', ['status']),
          index('IDX_magekit_stores_tenant', ['tenant']),
        ],
        foreignKeys: [
          foreignKey('FK_magekit_stores_vendor_account', 'vendor_account_id', 'magekit_vendor_accounts', 'SET NULL'),
        ],
      }),
    );
    await r.createTable(
      new Table({
        name: 'magekit_activations',
        columns: [
          c(r, 'id', 'uuid', { primary: true }),
          c(r, 'store_id', 'uuid'),
          c(r, 'state', { varchar: 20 }),
          c(r, 'verifier_hash', { varchar: 64 }),
          c(r, 'verifier_enc', 'text'),
          c(r, 'request_token_enc', 'text', { nullable: true }),
          c(r, 'request_token_secret_enc', 'text', { nullable: true }),
          c(r, 'access_token_enc', 'text', { nullable: true }),
          c(r, 'access_token_secret_enc', 'text', { nullable: true }),
          c(r, 'attempts', 'integer'),
          c(r, 'window_ends_at', 'timestamp'),
          c(r, 'next_attempt_at', 'timestamp', { nullable: true }),
          c(r, 'lease_until', 'timestamp', { nullable: true }),
          c(r, 'lease_owner', { varchar: 64 }, { nullable: true }),
          c(r, 'failure_code', { varchar: 40 }, { nullable: true }),
          c(r, 'failure_reason', 'text', { nullable: true }),
          c(r, 'failure_hint', 'text', { nullable: true }),
          ...created(r),
        ],
        indices: [
          index('UQ_magekit_activations_verifier_hash', ['verifier_hash'], true),
          index('IDX_magekit_activations_store', ['store_id']),
          index('IDX_magekit_activations_state', ['state']),
        ],
        foreignKeys: [foreignKey('FK_magekit_activations_store', 'store_id', 'magekit_stores', 'CASCADE')],
      }),
    );
    await r.createTable(
      new Table({
        name: 'magekit_activation_events',
        columns: [
          c(r, 'id', 'uuid', { primary: true }),
          c(r, 'activation_id', 'uuid'),
          c(r, 'store_id', 'uuid'),
          c(r, 'position', 'integer'),
          c(r, 'type', { varchar: 32 }),
          c(r, 'message', 'text'),
          c(r, 'code', { varchar: 40 }, { nullable: true }),
          c(r, 'hint', 'text', { nullable: true }),
          c(r, 'occurred_at', 'timestamp'),
        ],
        indices: [
          index('UQ_magekit_activation_events_position', ['activation_id', 'position'], true),
          index('IDX_magekit_activation_events_store', ['store_id']),
        ],
        foreignKeys: [
          foreignKey('FK_magekit_activation_events_activation', 'activation_id', 'magekit_activations', 'CASCADE'),
        ],
      }),
    );
    await r.createTable(
      new Table({
        name: 'magekit_identity_links',
        columns: [
          c(r, 'id', 'uuid', { primary: true }),
          c(r, 'consumer_key', { varchar: 32 }),
          c(r, 'tenant', { varchar: 64 }),
          c(r, 'vendor_account_id', 'uuid'),
          ...created(r),
        ],
        indices: [index('UQ_magekit_identity_links_consumer_key', ['consumer_key'], true)],
        foreignKeys: [
          foreignKey(
            'FK_magekit_identity_links_vendor_account',
            'vendor_account_id',
            'magekit_vendor_accounts',
            'CASCADE',
          ),
        ],
      }),
    );
    await r.createTable(
      new Table({
        name: 'magekit_api_tokens',
        columns: [
          c(r, 'id', 'uuid', { primary: true }),
          c(r, 'name', { varchar: 100 }),
          c(r, 'token_hash', { varchar: 64 }),
          c(r, 'token_prefix', { varchar: 16 }),
          c(r, 'last_used_at', 'timestamp', { nullable: true }),
          c(r, 'revoked_at', 'timestamp', { nullable: true }),
          c(r, 'created_at', 'timestamp'),
        ],
        indices: [index('UQ_magekit_api_tokens_token_hash', ['token_hash'], true)],
      }),
    );
  }

  async down(r: QueryRunner): Promise<void> {
    for (const table of [
      'magekit_api_tokens',
      'magekit_identity_links',
      'magekit_activation_events',
      'magekit_activations',
      'magekit_stores',
      'magekit_vendor_accounts',
    ]) {
      await r.dropTable(table, true, true, true);
    }
  }
}
