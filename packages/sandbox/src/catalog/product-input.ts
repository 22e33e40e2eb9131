import { inputError } from '../common/magento-exception';
import { processObject } from '../common/service-input-processor';
import { convertProductInput } from './product-input-types';
import type { ProductRow } from './product-json';

/** A product as written: column values plus the JSON `data`. */
export interface ProductWrite {
  sku: string;
  name: string | null;
  price: number | null;
  status: number;
  visibility: number;
  typeId: string;
  attributeSetId: number;
  createdAt: string;
  updatedAt: string;
  categoryIds: number[];
  data: Record<string, unknown>;
}

/** Where a save happens. */
export interface SaveContext {
  /** The `:sku` of `PUT /V1/products/:sku`: it overrides the body's (`overrideRequestBodyIdWithPathParam`). */
  pathSku: string | null;
  /** `Y-m-d H:i:s` on the store's clock. */
  now: string;
  /**
   * Websites a new product without `website_ids` is assigned to (`assignProductToWebsites`): the
   * request store's website, or every website under `/rest/all`.
   */
  websiteIds: number[];
}

const SKU_MAX_LENGTH = 64;
const PRICED_TYPES = ['simple', 'virtual', 'downloadable'];
const REPLACED_LISTS = ['product_links', 'options', 'media_gallery_entries', 'tier_prices'];

/**
 * `ProductRepository::save()` input merged onto the stored product (`initializeProductData` +
 * `addData`): fields present in the input replace the stored ones, absent ones are kept; custom
 * attributes merge by code; `stock_item` merges key by key. The input is first converted as the web
 * API converts `ProductInterface` ({@link convertProductInput}). A new product needs SKU, name and
 * (for priced types) price, as the EAV backend validation demands.
 * @throws MagentoException 400 for a missing `product`, a value of the wrong type, an empty required attribute, or a SKU over 64 characters.
 */
export function mergeProductInput(
  body: Record<string, unknown>,
  existing: ProductRow | null,
  context: SaveContext,
): ProductWrite {
  const input = body['product'];
  // `ServiceInputProcessor::process()` checks with `isset`; a scalar becomes an empty product.
  if (input === null || input === undefined)
    throw inputError('"%fieldName" is required. Enter and try again.', { fieldName: 'product' });
  const product = convertProductInput(processObject(input));
  const sku = context.pathSku ?? asString(product['sku']) ?? existing?.sku ?? null;
  const stored = existing === null ? {} : (JSON.parse(existing.data) as Record<string, unknown>);
  const typeId = asString(product['type_id']) ?? existing?.type_id ?? 'simple';
  const write: ProductWrite = {
    sku: sku ?? '',
    name: asString(product['name']) ?? existing?.name ?? null,
    price: asNumber(product['price']) ?? existing?.price ?? null,
    status: asNumber(product['status']) ?? existing?.status ?? 1,
    visibility: asNumber(product['visibility']) ?? existing?.visibility ?? 4,
    typeId,
    attributeSetId: asNumber(product['attribute_set_id']) ?? existing?.attribute_set_id ?? 4,
    createdAt: existing?.created_at ?? context.now,
    updatedAt: context.now,
    categoryIds: [],
    data: { ...stored },
  };
  if (existing === null) assertRequired(write);
  if (write.sku.length > SKU_MAX_LENGTH)
    throw inputError('SKU length should be %1 characters maximum.', [SKU_MAX_LENGTH]);
  if (product['weight'] !== undefined) write.data['weight'] = product['weight'];
  for (const key of REPLACED_LISTS) if (Array.isArray(product[key])) write.data[key] = product[key];
  write.data['custom_attributes'] = mergeCustomAttributes(stored['custom_attributes'], product['custom_attributes']);
  write.data['extension_attributes'] = mergeExtensions(
    stored['extension_attributes'],
    product,
    existing === null ? context.websiteIds : null,
  );
  const links = (write.data['extension_attributes'] as { category_links: Array<{ category_id: unknown }> })
    .category_links;
  write.categoryIds = links.map((link) => Number(link.category_id)).filter((id) => Number.isInteger(id));
  return write;
}

function assertRequired(write: ProductWrite): void {
  const empty = (label: string) =>
    inputError('The "%1" attribute value is empty. Set the attribute and try again.', [label]);
  if (write.sku === '') throw empty('SKU');
  if (write.name === null || write.name === '') throw empty('Product Name');
  if (write.price === null && PRICED_TYPES.includes(write.typeId)) throw empty('Price');
}

/** Custom attributes of the input (already `{attribute_code, value}` entries) merged by code onto the stored ones. */
function mergeCustomAttributes(stored: unknown, input: unknown): Array<{ attribute_code: string; value: unknown }> {
  const merged = new Map<string, unknown>();
  for (const attribute of (Array.isArray(stored) ? stored : []) as Array<{ attribute_code: string; value: unknown }>)
    merged.set(attribute.attribute_code, attribute.value);
  for (const attribute of (input ?? []) as Array<{ attribute_code: string; value: unknown }>)
    merged.set(attribute.attribute_code, attribute.value ?? null);
  return [...merged].map(([attribute_code, value]) => ({ attribute_code, value }));
}

function mergeExtensions(
  stored: unknown,
  product: Record<string, unknown>,
  newWebsiteIds: number[] | null,
): Record<string, unknown> {
  const current = { ...((stored ?? {}) as Record<string, unknown>) };
  const input = (product['extension_attributes'] ?? {}) as Record<string, unknown>;
  if (Array.isArray(input['website_ids'])) current['website_ids'] = input['website_ids'];
  else if (newWebsiteIds !== null) current['website_ids'] = newWebsiteIds;
  if (Array.isArray(input['category_links'])) {
    current['category_links'] = (input['category_links'] as Array<Record<string, unknown>>).map((link) => ({
      position: asNumber(link['position']) ?? 0,
      category_id: String(link['category_id']),
    }));
  } else {
    const fromAttribute = (
      (product['custom_attributes'] ?? []) as Array<{ attribute_code: string; value: unknown }>
    ).find((attribute) => attribute.attribute_code === 'category_ids');
    if (fromAttribute !== undefined)
      current['category_links'] = (
        Array.isArray(fromAttribute.value) ? fromAttribute.value : String(fromAttribute.value ?? '').split(',')
      )
        .filter((id) => String(id) !== '')
        .map((id) => ({ position: 0, category_id: String(id) }));
  }
  current['category_links'] ??= [];
  if (input['stock_item'] !== undefined && input['stock_item'] !== null)
    current['stock_item'] = { ...((current['stock_item'] ?? {}) as object), ...(input['stock_item'] as object) };
  for (const [key, value] of Object.entries(input))
    if (!['website_ids', 'category_links', 'stock_item'].includes(key)) current[key] = value;
  return current;
}

/** A converted string property: null and absent alike. */
function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A converted int or float property: null and absent alike. */
function asNumber(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
