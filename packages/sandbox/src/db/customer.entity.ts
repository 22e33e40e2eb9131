import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `customer_entity`: searchable columns plus the customer's Magento JSON (`data`). */
@Entity('customer_entity')
@Index(['websiteId', 'email'], { unique: true })
export class CustomerEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 255 })
  email!: string;

  @Column({ name: 'website_id', type: 'integer' })
  websiteId!: number;

  @Column({ name: 'password_hash', type: 'varchar', length: 128 })
  passwordHash!: string;

  /** `CustomerInterface` as Magento returns it (without `id`, added on read). */
  @Column({ type: 'simple-json' })
  data!: Record<string, unknown>;
}
