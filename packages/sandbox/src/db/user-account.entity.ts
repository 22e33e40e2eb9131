import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `admin_user` (simplified): the admin accounts the admin token service authenticates. */
@Entity('admin_user')
export class AdminUserEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40, unique: true })
  username!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 128 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 128 })
  email!: string;

  @Column({ type: 'varchar', length: 32 })
  firstname!: string;

  @Column({ type: 'varchar', length: 32 })
  lastname!: string;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive!: boolean;

  /** Google Authenticator secret (base32), used when 2FA is on. */
  @Column({ name: 'tfa_secret', type: 'varchar', length: 64 })
  tfaSecret!: string;
}
