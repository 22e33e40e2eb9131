import type { SearchSource } from '../search/search-query';
import { typedField } from '../search/search-result';
import { ADMIN_STORE_ID } from '../stores/store-catalog';
import { isStoreScoped } from './attribute-scope';
import { createProductSearch, PRODUCT_SEARCH, productValueSql, resolveProductField } from './product-search';

/**
 * `ProductRepository::getList()` in a store view: the collection reads, filters and sorts each store- or
 * website-scoped attribute by its store view value, else its default one (`IF(store.value_id > 0,
 * store.value, default.value)` in `Eav\Model\Entity\Collection\AbstractCollection`). Only the attributes
 * that have store view values in this store (`storeCodes`) get the extra lookup; the admin store reads
 * the default scope. docs/magento-behaviour.md §10.
 */
export function productSearchForStore(storeId: number, storeCodes: ReadonlySet<string>): SearchSource {
  if (storeId === ADMIN_STORE_ID || storeCodes.size === 0) return PRODUCT_SEARCH;
  if (!Number.isInteger(storeId)) throw new Error(`Not a store id: ${String(storeId)}.`);
  return createProductSearch((field) => {
    const resolved = resolveProductField(field);
    const stored = productValueSql(field);
    if (resolved === null || stored === null || !storeCodes.has(field) || !isStoreScoped(field)) return resolved;
    const storeValue = `(SELECT json_extract(v.value, '$') FROM catalog_product_store_value v WHERE v.product_id = t.id AND v.store_id = ${storeId} AND v.attribute_code = '${field}')`;
    return typedField(`COALESCE(${storeValue}, ${stored})`, resolved.kind);
  });
}
