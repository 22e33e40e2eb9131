import { Entity, Index } from 'typeorm';
import { TextColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn, VarcharColumn } from './columns';

/**
 * What the service refused or noticed at its public endpoints:
 * - `callback_rejected`: a callback refused before it changed anything (`code` says why:
 *   `CALLBACK_MISMATCH`, `STORE_URL_REFUSED`, `PENDING_LIMIT`, `UNKNOWN_TENANT`, `INVALID_CALLBACK`);
 * - `store_moved`: a callback with the stored secret moved a store to another origin;
 * - `pending_expired`: a store that never became active was removed after Magento's window;
 * - `sign_in_throttled`: a client address reached the sign-in failure limit.
 */
export type SecurityEventType = 'callback_rejected' | 'store_moved' | 'pending_expired' | 'sign_in_throttled';
export const SECURITY_EVENT_TYPES: readonly SecurityEventType[] = [
  'callback_rejected',
  'store_moved',
  'pending_expired',
  'sign_in_throttled',
];

/** One security event, shown to the operator by the admin API. Never holds secrets. */
@Entity('magekit_security_events')
@Index('IDX_magekit_security_events_time', ['occurredAt'])
@Index('IDX_magekit_security_events_store', ['storeId'])
export class SecurityEventEntity {
  @UuidPrimaryColumn() id!: string;
  @VarcharColumn('type', 32) type!: SecurityEventType;
  @VarcharColumn('code', 40, true) code!: string | null;
  @VarcharColumn('tenant', 64, true) tenant!: string | null;
  /** The store concerned, when there is one (no foreign key: the store may be removed later). */
  @UuidColumn('store_id', true) storeId!: string | null;
  /** The consumer key the request named (public), when it was well-formed. */
  @VarcharColumn('consumer_key', 32, true) consumerKey!: string | null;
  /** The store URL the request claimed (cut to 512 characters). */
  @VarcharColumn('store_base_url', 512, true) storeBaseUrl!: string | null;
  /** The client address (`req.ip`). */
  @VarcharColumn('source_address', 64, true) sourceAddress!: string | null;
  @TextColumn('message') message!: string;
  @TimestampColumn('occurred_at') occurredAt!: Date;
}
