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

/**
 * How the service authenticates to a store: `oauth1`, an integration activated by Magento's
 * handshake (docs/magento-behaviour.md §2); `ims`, an Adobe IMS server-to-server credential
 * registered by an operator (Adobe Commerce as a Cloud Service, which has no integrations, §11.1).
 */
export type StoreAuthKind = 'oauth1' | 'ims';
export const STORE_AUTH_KINDS: readonly StoreAuthKind[] = ['oauth1', 'ims'];

/** The product behind a store URL, as `describeStoreUrl` of @magekit/client tells it (docs/magento-behaviour.md §11.5): `saas` is Adobe Commerce as a Cloud Service. */
export type StoreEdition = 'paas' | 'saas';
export const STORE_EDITIONS: readonly StoreEdition[] = ['paas', 'saas'];

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

/**
 * One Magento store: an integration consumer (created by the first callback, kept across
 * reauthorizations), or an Adobe Commerce as a Cloud Service tenant registered with an IMS credential.
 */
@Entity('magekit_stores')
@Index('IDX_magekit_stores_status', ['status'])
@Index('IDX_magekit_stores_tenant', ['tenant'])
@Index('IDX_magekit_stores_pending', ['activatedAt', 'createdFromAddress'])
/** The stores list, newest first, all stores or one status (`AddStoreListIndexes1806796800000`). */
@Index('IDX_magekit_stores_created', ['createdAt', 'id'])
@Index('IDX_magekit_stores_status_created', ['status', 'createdAt', 'id'])
/** PostgreSQL with pg_trgm only, made by the migration (an expression index TypeORM cannot describe). */
@Index('IDX_magekit_stores_search_trgm', { synchronize: false })
export class StoreEntity {
  @UuidPrimaryColumn() id!: string;
  @VarcharColumn('tenant', 64) tenant!: string;
  /** `oauth1` (activated by the handshake) or `ims` (registered with an IMS credential). */
  @TextEnumColumn('auth_kind', 8, false, 'oauth1') authKind!: StoreAuthKind;
  /** `paas` or `saas` (Adobe Commerce as a Cloud Service), from the base URL. */
  @TextEnumColumn('edition', 8, false, 'paas') edition!: StoreEdition;
  /** Magento's consumer key (32 chars): the natural key of an `oauth1` store, unique; null for `ims` stores. */
  @Index('UQ_magekit_stores_consumer_key', { unique: true })
  @VarcharColumn('consumer_key', 32, true)
  consumerKey!: string | null;
  /** Null for `ims` stores. */
  @TextColumn('consumer_secret_enc', true) consumerSecretEnc!: string | null;
  /**
   * At most 2,048 characters (longer callbacks are refused). For an `ims` store: its REST base,
   * `https://<region>.api.commerce.adobe.com/<tenant id>/`.
   */
  @VarcharColumn('store_base_url', 2048) storeBaseUrl!: string;
  /**
   * SHA-256 (hex) of an `ims` store's REST base: one row per SaaS tenant URL (unique), so that
   * registering the same URL again updates that store; null for `oauth1` stores.
   */
  @Index('UQ_magekit_stores_saas_url_hash', { unique: true })
  @VarcharColumn('saas_url_hash', 64, true)
  saasUrlHash!: string | null;
  /** The IMS credential's client id (an identifier, sent as `x-api-key`); `ims` stores only. */
  @VarcharColumn('ims_client_id', 255, true) imsClientId!: string | null;
  /** The IMS client secret, encrypted; null for `oauth1` stores and once an `ims` store is revoked. */
  @TextColumn('ims_client_secret_enc', true) imsClientSecretEnc!: string | null;
  /** The IMS organization id (`…@AdobeOrg`, sent as `x-gw-ims-org-id`). */
  @VarcharColumn('ims_org_id', 255, true) imsOrgId!: string | null;
  /** Scopes asked for, comma-separated; null: the module's default (Adobe's list for the Commerce REST API). */
  @TextColumn('ims_scopes', true) imsScopes!: string | null;
  /** The IMS token endpoint; null: the module's `ims.tokenUrl`. */
  @VarcharColumn('ims_token_url', 2048, true) imsTokenUrl!: string | null;
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
