/**
 * Where a product attribute's value lives (`catalog_eav_attribute.is_global`): `store` (one value per
 * store view), `website` (one per website, written to each of its store views) or `global` (store 0 only).
 * Scopes as Magento installs them (`Catalog/Setup/CategorySetup.php`, `CatalogUrlRewrite`, `Tax`,
 * `Swatches`); the price attributes follow `catalog/price/scope`, which is Website in the sandbox (the
 * `es_mx` website has its own base currency, which Magento allows only then). Attributes the sandbox
 * does not list here are global. docs/magento-behaviour.md §10.
 */
export type AttributeScope = 'store' | 'website' | 'global';

const STORE_SCOPED: ReadonlySet<string> = new Set([
  'name',
  'visibility',
  'description',
  'short_description',
  'url_key',
  'url_path',
  'meta_title',
  'meta_keyword',
  'meta_description',
  'image',
  'small_image',
  'thumbnail',
  'swatch_image',
  'options_container',
]);

const WEBSITE_SCOPED: ReadonlySet<string> = new Set([
  'status',
  'price',
  'special_price',
  'special_from_date',
  'special_to_date',
  'cost',
  'msrp',
  'news_from_date',
  'news_to_date',
  'tax_class_id',
  'country_of_manufacture',
]);

/** `ProductInterface` fields that are EAV attributes with their own column in the sandbox. */
export const SCOPED_COLUMNS = ['name', 'price', 'status', 'visibility'] as const;
export type ScopedColumn = (typeof SCOPED_COLUMNS)[number];

/** The scope of an attribute code. */
export function attributeScope(code: string): AttributeScope {
  if (STORE_SCOPED.has(code)) return 'store';
  if (WEBSITE_SCOPED.has(code)) return 'website';
  return 'global';
}

/** Whether an attribute can hold a store view value (store or website scope). */
export function isStoreScoped(code: string): boolean {
  return attributeScope(code) !== 'global';
}
