import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProductEntity } from './catalog.entity';

/**
 * `catalog_product_store_value`: a product attribute's value in one store view, where it differs from
 * the default (store 0) value kept in `catalog_product_entity` — Magento's `catalog_product_entity_<type>`
 * rows with `store_id > 0`, in one table. Only store- and website-scoped attributes have rows
 * (docs/magento-behaviour.md §10). `value` is the value as JSON (a string, number or boolean), so it
 * keeps the type it was sent with. Plain integer, varchar and text columns: portable to any TypeORM driver.
 */
@Entity('catalog_product_store_value')
@Index(['productId', 'storeId', 'attributeCode'], { unique: true })
@Index(['storeId', 'attributeCode'])
export class ProductStoreValueEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ name: 'product_id', type: 'integer' })
  productId!: number;

  @Column({ name: 'store_id', type: 'integer' })
  storeId!: number;

  @Column({ name: 'attribute_code', type: 'varchar', length: 255 })
  attributeCode!: string;

  @Column({ type: 'text' })
  value!: string;
}
