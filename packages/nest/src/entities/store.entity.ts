import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { ResourceCheck } from '../admin/resource-checks';
import {
  BooleanColumn,
  TextColumn,
  TextEnumColumn,
  TimestampColumn,
  UuidColumn,
  UuidPrimaryColumn,
  VarcharColumn,
} from './columns';
import { VendorAccountEntity } from './vendor-account.entity';

/** Where a store stands. `activating` while an activation runs; see `activation-state.ts`. */
export type StoreStatus = 'activating' | 'active' | 'failed' | 'needs_reauth' | 'revoked';
export const STORE_STATUSES: readonly StoreStatus[] = ['activating', 'active', 'failed', 'needs_reauth', 'revoked'];

/** What the probe learnt about one store view (from `GET /V1/store/storeConfigs`). */
export interface StoreViewFacts {
  id: number;
  code: string;
  websiteId: number | null;
  locale: string | null;
  baseCurrency: string | null;
  timezone: string | null;
  baseUrl: string | null;
  secureBaseUrl: string | null;
}

/** Facts recorded by the last successful probe. */
export interface StoreFacts {
  storeViews: StoreViewFacts[];
  baseUrls: string[];
  probePath: string;
  /** The required resources (`requiredResources` option) as the last successful probe checked them. */
  resources?: ResourceCheck[];
  /** When they were checked (ISO 8601). */
  resourcesCheckedAt?: string;
}

/** One Magento store (one integration consumer): created by the first callback, kept across reauthorizations. */
@Entity('magekit_stores')
@Index('IDX_magekit_stores_status', ['status'])
@Index('IDX_magekit_stores_tenant', ['tenant'])
@Index('IDX_magekit_stores_pending', ['activatedAt', 'createdFromAddress'])
export class StoreEntity {
  @UuidPrimaryColumn() id!: string;
  @VarcharColumn('tenant', 64) tenant!: string;
  /** Magento's consumer key (32 chars): the natural key, unique. */
  @Index('UQ_magekit_stores_consumer_key', { unique: true })
  @VarcharColumn('consumer_key', 32)
  consumerKey!: string;
  @TextColumn('consumer_secret_enc') consumerSecretEnc!: string;
  /** At most 2,048 characters (longer callbacks are refused). */
  @VarcharColumn('store_base_url', 2048) storeBaseUrl!: string;
  @BooleanColumn('uses_index_php') usesIndexPhp!: boolean;
  @TextEnumColumn('status', 20) status!: StoreStatus;
  @VarcharColumn('status_code', 40, true) statusCode!: string | null;
  @TextColumn('status_reason', true) statusReason!: string | null;
  @TextColumn('status_hint', true) statusHint!: string | null;
  @TextColumn('access_token_enc', true) accessTokenEnc!: string | null;
  @TextColumn('access_token_secret_enc', true) accessTokenSecretEnc!: string | null;
  @TextEnumColumn('signature_profile', 16) signatureProfile!: 'latest' | 'laminas';
  /**
   * How far the store's clock is ahead of ours (ms, negative when behind), as a client learnt it
   * from a nonce rejection ("An error occurred validating the nonce", the timestamp check of
   * `Magento\Integration\Model\Oauth\Nonce\Generator::validateNonce`); null until then. The
   * store's client and handshakes sign with it.
   */
  @Column({ name: 'clock_skew_ms', type: 'integer', nullable: true }) clockSkewMs!: number | null;
  @UuidColumn('vendor_account_id', true) vendorAccountId!: string | null;
  @ManyToOne(() => VendorAccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'vendor_account_id', foreignKeyConstraintName: 'FK_magekit_stores_vendor_account' })
  vendorAccount?: VendorAccountEntity | null;
  /** JSON of {@link StoreFacts}. */
  @TextColumn('facts', true) facts!: string | null;
  @TimestampColumn('activated_at', true) activatedAt!: Date | null;
  @TimestampColumn('last_probed_at', true) lastProbedAt!: Date | null;
  @TimestampColumn('probe_lease_until', true) probeLeaseUntil!: Date | null;
  /** The client address of the callback that created the row (caps pending stores per address). */
  @VarcharColumn('created_from_address', 64, true) createdFromAddress!: string | null;
  /** The instance running this store's handshake: one at a time per store (see `HandshakeLease`). */
  @VarcharColumn('handshake_owner', 36, true) handshakeOwner!: string | null;
  @TimestampColumn('handshake_lease_until', true) handshakeLeaseUntil!: Date | null;
  @TimestampColumn('created_at') createdAt!: Date;
  @TimestampColumn('updated_at') updatedAt!: Date;
}
