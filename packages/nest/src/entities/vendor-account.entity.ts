import { Entity, Index } from 'typeorm';
import { TextColumn, TimestampColumn, UuidPrimaryColumn, VarcharColumn } from './columns';

/** An account of the vendor's own service, which merchants sign in to from the identity link. */
@Entity('magekit_vendor_accounts')
export class VendorAccountEntity {
  @UuidPrimaryColumn() id!: string;
  /** Lower-cased e-mail address, unique. */
  @Index('UQ_magekit_vendor_accounts_email', { unique: true })
  @VarcharColumn('email', 254)
  email!: string;
  @VarcharColumn('name', 200) name!: string;
  /** `scrypt$N$r$p$salt$hash` (see `password-hash.ts`). */
  @TextColumn('password_hash') passwordHash!: string;
  /** Set by `magekit accounts disable`: the account cannot sign in until enabled again. */
  @TimestampColumn('disabled_at', true) disabledAt!: Date | null;
  @TimestampColumn('created_at') createdAt!: Date;
  @TimestampColumn('updated_at') updatedAt!: Date;
}
