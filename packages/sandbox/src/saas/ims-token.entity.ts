import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** `magekit_ims_token`: an issued IMS access token, found by the SHA-256 of its text. */
@Entity('magekit_ims_token')
@Index(['clientId'])
export class ImsTokenEntity {
  /** Hex SHA-256 of the token (the token itself is not kept). */
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** The token's `id` claim. */
  @Column({ name: 'token_id', type: 'varchar', length: 64 })
  tokenId!: string;

  @Column({ name: 'client_id', type: 'varchar', length: 255 })
  clientId!: string;

  @Column({ type: 'simple-json' })
  scopes!: string[];

  /** Milliseconds. */
  @Column({ name: 'issued_at', type: 'integer' })
  issuedAt!: number;

  /** Milliseconds. */
  @Column({ name: 'expires_at', type: 'integer' })
  expiresAt!: number;

  @Column({ type: 'boolean', default: false })
  revoked!: boolean;
}
