import type { ResolvedField, SqlExpr } from '../search/search-conditions';
import type { SearchFilter } from '../search/search-criteria';
import { createEavSource } from '../search/eav-source';
import type { SearchSource } from '../search/search-query';
import { customAttributeField, customAttributeValueSql, jsonField } from '../search/search-result';
import { STORE_VIEWS } from '../stores/store-catalog';
import { PRODUCT_COLUMNS } from './product-json';

/** Product fields with their own column (filters and sorts run on indexes where there is one). */
const COLUMNS: Record<string, ResolvedField> = {
  entity_id: { sql: 't.id', kind: 'number' },
  id: { sql: 't.id', kind: 'number' },
  sku: { sql: 't.sku', kind: 'text' },
  name: { sql: 't.name', kind: 'text' },
  price: { sql: 't.price', kind: 'number' },
  status: { sql: 't.status', kind: 'number' },
  visibility: { sql: 't.visibility', kind: 'number' },
  type_id: { sql: 't.type_id', kind: 'text' },
  attribute_set_id: { sql: 't.attribute_set_id', kind: 'number' },
  created_at: { sql: 't.created_at', kind: 'text' },
  updated_at: { sql: 't.updated_at', kind: 'text' },
};

/** Other product EAV attributes the sandbox knows, read from `custom_attributes` (or `weight` from the JSON). */
const ATTRIBUTES: Record<string, ResolvedField['kind']> = {
  description: 'text',
  short_description: 'text',
  url_key: 'text',
  url_path: 'text',
  meta_title: 'text',
  meta_keyword: 'text',
  meta_description: 'text',
  options_container: 'text',
  image: 'text',
  small_image: 'text',
  thumbnail: 'text',
  swatch_image: 'text',
  country_of_manufacture: 'text',
  special_from_date: 'text',
  special_to_date: 'text',
  news_from_date: 'text',
  news_to_date: 'text',
  tax_class_id: 'number',
  required_options: 'number',
  has_options: 'number',
  color: 'number',
  size: 'number',
  manufacturer: 'number',
  special_price: 'number',
  cost: 'number',
  msrp: 'number',
  gift_message_available: 'number',
};

/** A product field as the default scope (store 0) holds it, or null when the collection does not know it. */
export function resolveProductField(field: string): ResolvedField | null {
  if (Object.prototype.hasOwnProperty.call(COLUMNS, field)) return COLUMNS[field];
  if (field === 'weight') return jsonField('t.data', 'weight', 'number');
  if (Object.prototype.hasOwnProperty.call(ATTRIBUTES, field))
    return customAttributeField('t.data', field, ATTRIBUTES[field]);
  return null;
}

/** The default-scope value of a product attribute as stored (no collation, no cast), or null for other fields. */
export function productValueSql(field: string): string | null {
  if (Object.prototype.hasOwnProperty.call(COLUMNS, field)) return COLUMNS[field].sql;
  if (Object.prototype.hasOwnProperty.call(ATTRIBUTES, field)) return customAttributeValueSql('t.data', field);
  return null;
}

/** `in`/`nin` split a string on commas; any other condition takes the value as one id. */
function idList(filter: SearchFilter): Array<number | null> {
  const raw = filter.value ?? '';
  const parts = filter.conditionType === 'in' || filter.conditionType === 'nin' ? raw.split(',') : [raw];
  return parts.map(toId);
}

function toId(text: string): number | null {
  const id = Number(text);
  return text.trim() !== '' && Number.isFinite(id) ? id : null;
}

/** `ProductCategoryFilter`: products linked to (eq/in) or not linked to (neq/nin) any of the ids. */
function categoryFilter(filter: SearchFilter): SqlExpr {
  const ids = idList(filter);
  const exists = `EXISTS (SELECT 1 FROM json_each(t.category_ids) c WHERE c.value IN (${ids.map(() => '?').join(', ')}))`;
  const negated = filter.conditionType === 'neq' || filter.conditionType === 'nin';
  return { sql: negated ? `NOT ${exists}` : exists, params: ids };
}

/** `ProductWebsiteFilter`: the value (comma list) of website ids, whatever the condition type. */
function websiteFilter(filter: SearchFilter): SqlExpr {
  const ids = (filter.value ?? '').split(',').map(toId);
  return {
    sql: `EXISTS (SELECT 1 FROM json_each(t.data, '$.extension_attributes.website_ids') w WHERE w.value IN (${ids.map(() => '?').join(', ')}))`,
    params: ids,
  };
}

/** `ProductStoreFilter`: products of the store's website; the admin store (0) filters nothing. */
function storeFilter(filter: SearchFilter): SqlExpr {
  const view = STORE_VIEWS.find((store) => String(store.id) === filter.value || store.code === filter.value);
  if (filter.value === '0' || view === undefined) return { sql: '1 = 1', params: [] };
  return websiteFilter({ ...filter, value: String(view.websiteId) });
}

/**
 * `ProductRepository::getList()` over `catalog_product_entity` (an EAV collection): column fields,
 * the JSON attributes above, the custom filters `category_id`, `website_id`, `store_id`. Filtering on
 * an attribute Magento does not have is `Invalid attribute name: %1`; sorting on one is ignored.
 * `category_ids` is Magento's unknown-column SQL error (filter on `category_id`, magento/magento2#8665).
 */
export const PRODUCT_SEARCH: SearchSource = createProductSearch(resolveProductField);

/** The product collection with fields resolved by `resolve` (the default scope's, or a store view's). */
export function createProductSearch(resolve: (field: string) => ResolvedField | null): SearchSource {
  return createEavSource(
    {
      from: 'catalog_product_entity t',
      columns: PRODUCT_COLUMNS.split(', ')
        .map((column) => `t.${column}`)
        .join(', '),
      idColumn: 't.id',
    },
    resolve,
    {
      guardFilter: (field) => {
        if (field === 'category_ids')
          throw new Error("SQLSTATE[42S22]: Column not found: 1054 Unknown column 'e.category_ids' in 'where clause'");
      },
      customFilters: { category_id: categoryFilter, website_id: websiteFilter, store_id: storeFilter },
    },
  );
}
