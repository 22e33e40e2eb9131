import type { MigrationInterface, QueryRunner } from 'typeorm';
import { column as c, index } from './migration-columns';

const STORES = 'magekit_stores';

/**
 * Stores that authenticate with Adobe IMS (Adobe Commerce as a Cloud Service, registered with a
 * credential, no handshake) next to OAuth 1.0a integrations: `auth_kind` and `edition` on every
 * store (existing rows are `oauth1` / `paas`), the IMS credential columns (the client secret
 * encrypted), a unique hash of a SaaS store's REST base, and consumer key and secret nullable
 * (IMS stores have none).
 */
export class AddStoreAuthKind1804118400000 implements MigrationInterface {
  name = 'AddStoreAuthKind1804118400000';

  async up(r: QueryRunner): Promise<void> {
    await r.addColumns(STORES, [
      c(r, 'auth_kind', { varchar: 8 }, { default: 'oauth1' }),
      c(r, 'edition', { varchar: 8 }, { default: 'paas' }),
      c(r, 'saas_url_hash', { varchar: 64 }, { nullable: true }),
      c(r, 'ims_client_id', { varchar: 255 }, { nullable: true }),
      c(r, 'ims_client_secret_enc', 'text', { nullable: true }),
      c(r, 'ims_org_id', { varchar: 255 }, { nullable: true }),
      c(r, 'ims_scopes', 'text', { nullable: true }),
      c(r, 'ims_token_url', { varchar: 2048 }, { nullable: true }),
    ]);
    await r.createIndex(STORES, index('UQ_magekit_stores_saas_url_hash', ['saas_url_hash'], true));
    await setNullable(r, ['consumer_key', 'consumer_secret_enc'], true);
  }

  async down(r: QueryRunner): Promise<void> {
    // IMS stores cannot be kept without a consumer key: they go, with what refers to them
    // (SQLite runs migrations with foreign keys off, so no cascade does it there).
    const ims = `SELECT id FROM ${STORES} WHERE auth_kind = 'ims'`;
    await r.query(`DELETE FROM magekit_store_call_failures WHERE store_id IN (${ims})`);
    await r.query(`DELETE FROM magekit_activation_events WHERE store_id IN (${ims})`);
    await r.query(`DELETE FROM magekit_activations WHERE store_id IN (${ims})`);
    await r.query(`DELETE FROM ${STORES} WHERE auth_kind = 'ims'`);
    await setNullable(r, ['consumer_key', 'consumer_secret_enc'], false);
    await r.dropIndex(STORES, 'UQ_magekit_stores_saas_url_hash');
    await r.dropColumns(STORES, [
      'ims_token_url',
      'ims_scopes',
      'ims_org_id',
      'ims_client_secret_enc',
      'ims_client_id',
      'saas_url_hash',
      'edition',
      'auth_kind',
    ]);
  }
}

/** Makes columns of `magekit_stores` nullable or not (SQLite rebuilds the table). */
async function setNullable(r: QueryRunner, names: string[], nullable: boolean): Promise<void> {
  const table = await r.getTable(STORES);
  if (!table) throw new Error(`${STORES} is missing`);
  const changes = names.map((name) => {
    const current = table.findColumnByName(name);
    if (!current) throw new Error(`${STORES}.${name} is missing`);
    const changed = current.clone();
    changed.isNullable = nullable;
    return { oldColumn: current, newColumn: changed };
  });
  await r.changeColumns(table, changes);
}
