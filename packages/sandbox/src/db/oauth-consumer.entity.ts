import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `oauth_consumer`. `updatedAt` (Unix seconds) is set on Activate/Reauthorize and opens the 300 s window. */
@Entity('oauth_consumer')
export class OAuthConsumerEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  key!: string;

  @Column({ type: 'varchar', length: 128 })
  secret!: string;

  @Column({ name: 'callback_url', type: 'text', nullable: true })
  callbackUrl!: string | null;

  @Column({ name: 'created_at', type: 'integer' })
  createdAt!: number;

  @Column({ name: 'updated_at', type: 'integer' })
  updatedAt!: number;
}
