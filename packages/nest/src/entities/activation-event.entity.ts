import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IntegerColumn, TextColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn, VarcharColumn } from './columns';
import { ActivationEntity } from './activation.entity';

/** What happened to an activation, in order: the timeline shown by the admin API. */
export type ActivationEventType =
  | 'callback_received'
  | 'duplicate_callback'
  | 'request_token'
  | 'access_token'
  | 'active'
  | 'retry_scheduled'
  | 'failed'
  | 'needs_reauth'
  | 'identity_linked'
  | 'probe_ok'
  | 'probe_failed'
  | 'revoked'
  | 'superseded'
  | 'store_moved';

/** One entry of an activation's timeline. Never holds secrets. */
@Entity('magekit_activation_events')
@Index('UQ_magekit_activation_events_position', ['activationId', 'position'], { unique: true })
@Index('IDX_magekit_activation_events_store', ['storeId'])
export class ActivationEventEntity {
  @UuidPrimaryColumn() id!: string;
  @UuidColumn('activation_id') activationId!: string;
  @ManyToOne(() => ActivationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activation_id', foreignKeyConstraintName: 'FK_magekit_activation_events_activation' })
  activation?: ActivationEntity;
  /** Explicit store id (also reachable through the activation) for store-wide timelines. */
  @UuidColumn('store_id') storeId!: string;
  /** 0, 1, 2… within the activation. */
  @IntegerColumn('position') position!: number;
  @VarcharColumn('type', 32) type!: ActivationEventType;
  @TextColumn('message') message!: string;
  @VarcharColumn('code', 40, true) code!: string | null;
  @TextColumn('hint', true) hint!: string | null;
  @TimestampColumn('occurred_at') occurredAt!: Date;
}
