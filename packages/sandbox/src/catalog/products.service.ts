import { Injectable } from '@nestjs/common';
import { MagentoException } from '../common/magento-exception';
import type { RestCall } from '../rest/rest-handler';
import { searchFromCall, type SearchResult } from '../search/search-result';
import { SqlService } from '../search/sql.service';
import { formatMagentoDate } from '../seed/magento-values';
import { ADMIN_STORE_ID, resolveStoreId, resolveStoreView, STORE_VIEWS } from '../stores/store-catalog';
import { attributeScope } from './attribute-scope';
import { mergeProductInput, type ProductWrite, type SaveContext } from './product-input';
import { renderProduct, type ProductRow } from './product-json';
import { findProductRow, insertProductRow, updateProductRow } from './product-rows';
import { splitStoreViewSave } from './product-store-input';
import { productSearchForStore } from './product-store-search';
import { applyStoreValues, loadStoreValues, storeValueCodes, writeStoreValues } from './product-store-values';

/** `ProductRepository::get()`'s `NoSuchEntityException`. */
export const PRODUCT_NOT_FOUND = "The product that was requested doesn't exist. Verify the product and try again.";

/**
 * `Magento\Catalog\Api\ProductRepositoryInterface` on `catalog_product_entity` (default scope, store 0)
 * and `catalog_product_store_value` (store view values), in the request's store: `/rest/all` reads and
 * writes the default scope, a store code (or none: the default store view) its store view.
 * docs/magento-behaviour.md §10.
 */
@Injectable()
export class ProductsService {
  constructor(private readonly sql: SqlService) {}

  /** `get($sku)` in a store: SKUs match case-insensitively (the column is `NOCASE`, as MySQL's collation). @throws MagentoException 404 */
  get(sku: string, storeId: number): Record<string, unknown> {
    return renderProduct(this.inStore(this.findRow(sku), storeId), { stockItem: true });
  }

  /** `getList($searchCriteria)` in the request's store. */
  search(call: RestCall): SearchResult<Record<string, unknown>> {
    const storeId = resolveStoreId(call.storeCode);
    const codes = storeId === ADMIN_STORE_ID ? new Set<string>() : storeValueCodes(this.sql.runner, storeId);
    const found = searchFromCall<ProductRow, ProductRow>(
      call,
      this.sql.runner,
      productSearchForStore(storeId, codes),
      (row) => row,
    );
    const values =
      codes.size === 0
        ? new Map()
        : loadStoreValues(
            this.sql.runner,
            storeId,
            found.items.map((row) => row.id),
          );
    return {
      ...found,
      items: found.items.map((row) =>
        renderProduct(applyStoreValues(row, values.get(row.id) ?? []), { stockItem: false }),
      ),
    };
  }

  /**
   * `save($product)`: an upsert by SKU (POST and PUT alike); returns the product as `get` does in the
   * request's store. A new product, or any save under `/rest/all`, writes the default scope; an existing
   * product saved through a store view keeps the scoped attributes it was sent as store view values.
   */
  save(call: RestCall, pathSku: string | null): Record<string, unknown> {
    const storeId = resolveStoreId(call.storeCode);
    const product = call.body['product'] as { sku?: unknown } | undefined;
    const sku = pathSku ?? (typeof product?.sku === 'string' ? product.sku : null);
    const existing = sku === null ? null : (findProductRow(this.sql.runner, sku) ?? null);
    const context: SaveContext = {
      pathSku,
      now: formatMagentoDate(call.store.now),
      websiteIds:
        storeId === ADMIN_STORE_ID
          ? [...new Set(STORE_VIEWS.map((view) => view.websiteId))]
          : [(resolveStoreView(call.storeCode) ?? STORE_VIEWS[0]).websiteId],
    };
    const write = mergeProductInput(call.body, existing, context);
    if (existing === null) insertProductRow(this.sql.runner, write);
    else if (storeId === ADMIN_STORE_ID) updateProductRow(this.sql.runner, existing.id, write);
    else this.saveInStoreView(existing, storeId, call.body, write, context);
    return this.get(write.sku, storeId);
  }

  /** `deleteById($sku)`: the product and its store view values. @throws MagentoException 404 */
  delete(sku: string): true {
    const row = this.findRow(sku);
    this.sql.runner.transaction(() => {
      this.sql.runner.run('DELETE FROM catalog_product_store_value WHERE product_id = ?', [row.id]);
      this.sql.runner.run('DELETE FROM catalog_product_entity WHERE id = ?', [row.id]);
    });
    return true;
  }

  private saveInStoreView(
    existing: ProductRow,
    storeId: number,
    body: Record<string, unknown>,
    validated: ProductWrite,
    context: SaveContext,
  ): void {
    const split = splitStoreViewSave(body, validated);
    const globalWrite = mergeProductInput(split.globalBody, existing, context);
    const websiteId = (STORE_VIEWS.find((view) => view.id === storeId) ?? STORE_VIEWS[0]).websiteId;
    const websiteStores = STORE_VIEWS.filter((view) => view.websiteId === websiteId).map((view) => view.id);
    this.sql.runner.transaction(() => {
      updateProductRow(this.sql.runner, existing.id, globalWrite);
      const storeScoped = split.scopedValues.filter(([code]) => attributeScope(code) === 'store');
      const websiteScoped = split.scopedValues.filter(([code]) => attributeScope(code) === 'website');
      writeStoreValues(this.sql.runner, existing.id, [storeId], storeScoped);
      writeStoreValues(this.sql.runner, existing.id, websiteStores, websiteScoped);
    });
  }

  private inStore(row: ProductRow, storeId: number): ProductRow {
    if (storeId === ADMIN_STORE_ID) return row;
    return applyStoreValues(row, loadStoreValues(this.sql.runner, storeId, [row.id]).get(row.id) ?? []);
  }

  private findRow(sku: string): ProductRow {
    const row = findProductRow(this.sql.runner, sku);
    if (row === undefined) throw new MagentoException(404, PRODUCT_NOT_FOUND);
    return row;
  }
}
