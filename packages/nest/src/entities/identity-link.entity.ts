import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TimestampColumn, UuidColumn, UuidPrimaryColumn, VarcharColumn } from './columns';
import { VendorAccountEntity } from './vendor-account.entity';

/**
 * A consumer key linked to a vendor account by a sign-in on the identity link. Written on its own
 * so that the popup may come before or after the callback (on any instance); the store's
 * `vendor_account_id` is reconciled from it by both sides.
 */
@Entity('magekit_identity_links')
export class IdentityLinkEntity {
  @UuidPrimaryColumn() id!: string;
  @Index('UQ_magekit_identity_links_consumer_key', { unique: true })
  @VarcharColumn('consumer_key', 32)
  consumerKey!: string;
  @VarcharColumn('tenant', 64) tenant!: string;
  @UuidColumn('vendor_account_id') vendorAccountId!: string;
  @ManyToOne(() => VendorAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_account_id', foreignKeyConstraintName: 'FK_magekit_identity_links_vendor_account' })
  vendorAccount?: VendorAccountEntity;
  @TimestampColumn('created_at') createdAt!: Date;
  @TimestampColumn('updated_at') updatedAt!: Date;
}
