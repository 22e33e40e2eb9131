import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `sales_order`: the order's Magento JSON (`OrderInterface`, without `entity_id`). */
@Entity('sales_order')
export class SalesOrderEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'increment_id', type: 'varchar', length: 32, unique: true })
  incrementId!: string;

  @Column({ type: 'simple-json' })
  data!: Record<string, unknown>;
}
