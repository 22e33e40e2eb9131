import { Injectable } from '@nestjs/common';
import { MagentoException } from '../common/magento-exception';
import type { RestCall } from '../rest/rest-handler';
import { searchFromCall, type SearchResult } from '../search/search-result';
import { SqlService } from '../search/sql.service';
import { formatMagentoDate } from '../seed/magento-values';
import { STORE_VIEWS } from '../stores/store-catalog';
import { mergeProductInput, type ProductWrite } from './product-input';
import { PRODUCT_COLUMNS, renderProduct, type ProductRow } from './product-json';
import { PRODUCT_SEARCH } from './product-search';

/** `ProductRepository::get()`'s `NoSuchEntityException`. */
export const PRODUCT_NOT_FOUND = "The product that was requested doesn't exist. Verify the product and try again.";

/** `Magento\Catalog\Api\ProductRepositoryInterface` on `catalog_product_entity`. */
@Injectable()
export class ProductsService {
  constructor(private readonly sql: SqlService) {}

  /** `get($sku)`: SKUs match case-insensitively (the column is `NOCASE`, as MySQL's collation). @throws MagentoException 404 */
  get(sku: string): Record<string, unknown> {
    return renderProduct(this.findRow(sku), { stockItem: true });
  }

  /** `getList($searchCriteria)`. */
  search(call: RestCall): SearchResult<Record<string, unknown>> {
    return searchFromCall<ProductRow, Record<string, unknown>>(call, this.sql.runner, PRODUCT_SEARCH, (row) =>
      renderProduct(row, { stockItem: false }),
    );
  }

  /** `save($product)`: an upsert by SKU (POST and PUT alike); returns the product as `get` does. */
  save(call: RestCall, pathSku: string | null): Record<string, unknown> {
    const product = call.body['product'] as { sku?: unknown } | undefined;
    const sku = pathSku ?? (typeof product?.sku === 'string' ? product.sku : null);
    const existing = sku === null ? null : (this.findRowOrNull(sku) ?? null);
    const websiteIds =
      call.storeCode === 'all'
        ? [...new Set(STORE_VIEWS.map((view) => view.websiteId))]
        : [(STORE_VIEWS.find((view) => view.code === call.store.storeCode) ?? STORE_VIEWS[0]).websiteId];
    const write = mergeProductInput(call.body, existing, {
      pathSku,
      now: formatMagentoDate(call.store.now),
      websiteIds,
    });
    if (existing === null) this.insert(write);
    else this.update(existing.id, write);
    return this.get(write.sku);
  }

  /** `deleteById($sku)`. @throws MagentoException 404 */
  delete(sku: string): true {
    const row = this.findRow(sku);
    this.sql.runner.run('DELETE FROM catalog_product_entity WHERE id = ?', [row.id]);
    return true;
  }

  private findRow(sku: string): ProductRow {
    const row = this.findRowOrNull(sku);
    if (row === undefined) throw new MagentoException(404, PRODUCT_NOT_FOUND);
    return row;
  }

  private findRowOrNull(sku: string): ProductRow | undefined {
    return this.sql.runner.get<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM catalog_product_entity WHERE sku = ?`, [
      sku,
    ]);
  }

  private insert(write: ProductWrite): void {
    this.sql.runner.run(
      'INSERT INTO catalog_product_entity (sku, name, price, status, visibility, type_id, attribute_set_id, created_at, updated_at, category_ids, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        write.sku,
        write.name,
        write.price,
        write.status,
        write.visibility,
        write.typeId,
        write.attributeSetId,
        write.createdAt,
        write.updatedAt,
        JSON.stringify(write.categoryIds),
        JSON.stringify(write.data),
      ],
    );
  }

  private update(id: number, write: ProductWrite): void {
    this.sql.runner.run(
      'UPDATE catalog_product_entity SET name = ?, price = ?, status = ?, visibility = ?, type_id = ?, attribute_set_id = ?, updated_at = ?, category_ids = ?, data = ? WHERE id = ?',
      [
        write.name,
        write.price,
        write.status,
        write.visibility,
        write.typeId,
        write.attributeSetId,
        write.updatedAt,
        JSON.stringify(write.categoryIds),
        JSON.stringify(write.data),
        id,
      ],
    );
  }
}
