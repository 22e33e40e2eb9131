import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { ActivationState } from '../activation/activation-state';
import {
  IntegerColumn,
  TextColumn,
  TextEnumColumn,
  TimestampColumn,
  UuidColumn,
  UuidPrimaryColumn,
  VarcharColumn,
} from './columns';
import { StoreEntity } from './store.entity';

/**
 * One Activate or Reauthorize of a store: the verifier of its callback, the handshake progress
 * (each step persisted before the next) and a lease so that one instance at a time works on it.
 */
@Entity('magekit_activations')
@Index('IDX_magekit_activations_store', ['storeId'])
@Index('IDX_magekit_activations_state', ['state'])
/** Activations started and failed per day (the dashboard's activity figures). */
@Index('IDX_magekit_activations_created', ['createdAt'])
@Index('IDX_magekit_activations_state_updated', ['state', 'updatedAt'])
export class ActivationEntity {
  @UuidPrimaryColumn() id!: string;
  @UuidColumn('store_id') storeId!: string;
  @ManyToOne(() => StoreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'FK_magekit_activations_store' })
  store?: StoreEntity;
  @TextEnumColumn('state', 20) state!: ActivationState;
  /** Hex SHA-256 of the callback's `oauth_verifier`: a repeated callback finds its activation. */
  @Index('UQ_magekit_activations_verifier_hash', { unique: true })
  @VarcharColumn('verifier_hash', 64)
  verifierHash!: string;
  @TextColumn('verifier_enc') verifierEnc!: string;
  @TextColumn('request_token_enc', true) requestTokenEnc!: string | null;
  @TextColumn('request_token_secret_enc', true) requestTokenSecretEnc!: string | null;
  /** The access token, kept here in the same update as the state change until it is on the store. */
  @TextColumn('access_token_enc', true) accessTokenEnc!: string | null;
  @TextColumn('access_token_secret_enc', true) accessTokenSecretEnc!: string | null;
  @IntegerColumn('attempts') attempts!: number;
  /** End of Magento's consumer window for `/oauth/token/request` (callback time + 300 s). */
  @TimestampColumn('window_ends_at') windowEndsAt!: Date;
  @TimestampColumn('next_attempt_at', true) nextAttemptAt!: Date | null;
  @TimestampColumn('lease_until', true) leaseUntil!: Date | null;
  @VarcharColumn('lease_owner', 64, true) leaseOwner!: string | null;
  @VarcharColumn('failure_code', 40, true) failureCode!: string | null;
  @TextColumn('failure_reason', true) failureReason!: string | null;
  @TextColumn('failure_hint', true) failureHint!: string | null;
  @TimestampColumn('created_at') createdAt!: Date;
  @TimestampColumn('updated_at') updatedAt!: Date;
}
