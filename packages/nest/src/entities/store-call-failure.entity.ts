import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TextColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn, VarcharColumn } from './columns';
import { StoreEntity } from './store.entity';

/**
 * One REST call to a store that failed for good (after the client's retries), as the admin API
 * shows it under "recent failed calls". The newest 50 per store are kept. Never holds a secret:
 * the path has secret-looking query values redacted and the base string has `oauth_token`,
 * `oauth_signature` and other secret-looking parameters masked.
 */
@Entity('magekit_store_call_failures')
@Index('IDX_magekit_store_call_failures_store', ['storeId', 'occurredAt'])
export class StoreCallFailureEntity {
  @UuidPrimaryColumn() id!: string;
  @UuidColumn('store_id') storeId!: string;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'FK_magekit_store_call_failures_store' })
  store?: StoreEntity;
  @VarcharColumn('method', 10) method!: string;
  /** Path and query from the store's base URL (`/rest/V1/orders?searchCriteria…`), secrets redacted. */
  @TextColumn('path') path!: string;
  /** HTTP status of the last attempt; null when no answer came (network error, timeout). */
  @Column({ name: 'status', type: 'integer', nullable: true }) status!: number | null;
  /** `@magekit/client` error code (`NOT_AUTHORIZED`, `SIGNATURE_INVALID`, `NETWORK`, …). */
  @VarcharColumn('code', 40) code!: string;
  /** Magento's message, rendered (or the client's description of the failure). */
  @TextColumn('message') message!: string;
  @TextColumn('hint', true) hint!: string | null;
  /** Attempts the client made (retries included). */
  @Column({ name: 'attempts', type: 'integer' }) attempts!: number;
  /** The OAuth base string of the last attempt as Magento would rebuild it, secrets masked. */
  @TextColumn('base_string', true) baseString!: string | null;
  /** The signature profile the last attempt was signed with. */
  @VarcharColumn('signature_profile', 16, true) signatureProfile!: string | null;
  @TimestampColumn('occurred_at') occurredAt!: Date;
}
