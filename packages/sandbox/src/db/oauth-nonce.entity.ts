import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `oauth_nonce`: primary key (nonce, consumer_id); the nonce column is varchar(32). */
@Entity('oauth_nonce')
export class OAuthNonceEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  nonce!: string;

  @PrimaryColumn({ name: 'consumer_id', type: 'integer' })
  consumerId!: number;

  @Column({ type: 'integer' })
  timestamp!: number;
}
