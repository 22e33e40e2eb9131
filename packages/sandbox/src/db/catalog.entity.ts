import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `catalog_product_entity`: the `ProductInterface` fields searchCriteria filter and sort on as
 * columns (so a search runs in SQL on indexes), the rest of the product's Magento JSON in `data`
 * (`weight`, `extension_attributes`, `product_links`, `options`, `media_gallery_entries`,
 * `tier_prices`, `custom_attributes`; `stock_item` holds only what differs from the default stock
 * item). Text columns are `NOCASE`, as MySQL's `utf8_general_ci`: SKUs are unique case-insensitively.
 */
@Entity('catalog_product_entity')
export class ProductEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64, unique: true, collation: 'NOCASE' })
  sku!: string;

  @Index()
  @Column({ type: 'varchar', length: 255, nullable: true, collation: 'NOCASE' })
  name!: string | null;

  @Index()
  @Column({ type: 'real', nullable: true })
  price!: number | null;

  @Column({ type: 'integer', default: 1 })
  status!: number;

  @Column({ type: 'integer', default: 4 })
  visibility!: number;

  @Column({ name: 'type_id', type: 'varchar', length: 32, default: 'simple', collation: 'NOCASE' })
  typeId!: string;

  @Column({ name: 'attribute_set_id', type: 'integer', default: 4 })
  attributeSetId!: number;

  /** `Y-m-d H:i:s` UTC, as Magento stores and returns it. */
  @Index()
  @Column({ name: 'created_at', type: 'varchar', length: 19 })
  createdAt!: string;

  @Index()
  @Column({ name: 'updated_at', type: 'varchar', length: 19 })
  updatedAt!: string;

  /** The category ids of `category_links`, a JSON array of numbers (for `category_id` filters and counts). */
  @Column({ name: 'category_ids', type: 'text', default: '[]' })
  categoryIds!: string;

  @Column({ type: 'simple-json' })
  data!: Record<string, unknown>;
}

/** `catalog_category_entity`: tree columns plus the category's Magento JSON (`CategoryInterface` without `id`). */
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
