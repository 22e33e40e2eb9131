import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OAuthTokenType = 'verifier' | 'request' | 'access';

/** `oauth_token`: one row per integration, converted verifier → request → access in place. */
@Entity('oauth_token')
@Index(['consumerId'])
export class OAuthTokenEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'consumer_id', type: 'integer' })
  consumerId!: number;

  @Column({ type: 'varchar', length: 16 })
  type!: OAuthTokenType;

  @Column({ type: 'varchar', length: 32, unique: true })
  token!: string;

  @Column({ type: 'varchar', length: 128 })
  secret!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  verifier!: string | null;

  @Column({ name: 'callback_url', type: 'text' })
  callbackUrl!: string;

  @Column({ type: 'boolean', default: false })
  revoked!: boolean;

  @Column({ name: 'created_at', type: 'integer' })
  createdAt!: number;
}
