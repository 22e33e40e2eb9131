import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** `catalog_product_entity`: the SKU plus the product's Magento JSON (`data`, without `id`/`sku`). */
@Entity('catalog_product_entity')
export class ProductEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  sku!: string;

  @Column({ type: 'simple-json' })
  data!: Record<string, unknown>;
}

/** `catalog_category_entity`: tree columns plus the category's Magento JSON. */
@Entity('catalog_category_entity')
export class CategoryEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'parent_id', type: 'integer' })
  parentId!: number;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'simple-json' })
  data!: Record<string, unknown>;
}
