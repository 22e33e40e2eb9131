import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `magekit_ims_credential`: an OAuth Server-to-Server credential of the SaaS edition (Developer Console's
 * project credential), with the ACL resources its technical account may use (docs/magento-behaviour.md §11.6).
 */
@Entity('magekit_ims_credential')
export class ImsCredentialEntity {
  /** The caller's user id in the REST pipeline. */
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'client_id', type: 'varchar', length: 255, unique: true })
  clientId!: string;

  /** Kept as given: the sandbox is a development store and shows it on its admin API. */
  @Column({ name: 'client_secret', type: 'varchar', length: 255 })
  clientSecret!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 255 })
  orgId!: string;

  /** The scopes the credential may request. */
  @Column({ type: 'simple-json' })
  scopes!: string[];

  @Column({ name: 'all_resources', type: 'boolean', default: true })
  allResources!: boolean;

  /** ACL resource ids (ignored when `allResources`). */
  @Column({ type: 'simple-json' })
  resources!: string[];

  /** `expires_in` of its tokens in seconds; null for the sandbox's default. */
  @Column({ name: 'token_lifetime', type: 'integer', nullable: true })
  tokenLifetimeSeconds!: number | null;

  /** Milliseconds. */
  @Column({ name: 'created_at', type: 'integer' })
  createdAt!: number;
}
