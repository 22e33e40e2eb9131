import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Integration status values (`Magento\Integration\Model\Integration`). */
export const INTEGRATION_STATUS = { inactive: 0, active: 1, recreated: 2 } as const;

/** `integration`: an admin-created integration and its consumer. Integer ids, as in Magento. */
@Entity('integration')
export class IntegrationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 255, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email!: string | null;

  @Column({ name: 'endpoint', type: 'varchar', length: 255, nullable: true })
  endpoint!: string | null;

  @Column({ name: 'identity_link_url', type: 'varchar', length: 255, nullable: true })
  identityLinkUrl!: string | null;

  @Column({ type: 'integer', default: 0 })
  status!: number;

  @Column({ name: 'consumer_id', type: 'integer' })
  consumerId!: number;

  @Column({ name: 'setup_type', type: 'integer', default: 0 })
  setupType!: number;

  @Column({ name: 'all_resources', type: 'boolean', default: false })
  allResources!: boolean;

  /** The ticked ACL resource ids (ignored when `allResources`). */
  @Column({ type: 'simple-json' })
  resources!: string[];

  /** Unix seconds. */
  @Column({ name: 'created_at', type: 'integer' })
  createdAt!: number;

  @Column({ name: 'updated_at', type: 'integer' })
  updatedAt!: number;
}
