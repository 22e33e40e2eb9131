import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `sales_order`: the order's Magento JSON (`OrderInterface`, without `entity_id`) plus copies of the
 * fields searches use most, so they run on indexed columns; other fields are read from the JSON.
 */
@Entity('sales_order')
export class SalesOrderEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'increment_id', type: 'varchar', length: 32, unique: true })
  incrementId!: string;

  @Index()
  @Column({ name: 'customer_id', type: 'integer', nullable: true })
  customerId!: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true, collation: 'NOCASE' })
  state!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 32, nullable: true, collation: 'NOCASE' })
  status!: string | null;

  @Column({ name: 'customer_email', type: 'varchar', length: 128, nullable: true, collation: 'NOCASE' })
  customerEmail!: string | null;

  @Column({ name: 'grand_total', type: 'real', nullable: true })
  grandTotal!: number | null;

  @Index()
  @Column({ name: 'created_at', type: 'varchar', length: 19, nullable: true })
  createdAt!: string | null;

  @Index()
  @Column({ name: 'updated_at', type: 'varchar', length: 19, nullable: true })
  updatedAt!: string | null;

  @Column({ type: 'simple-json' })
  data!: Record<string, unknown>;
}
