import { inputError } from '../common/magento-exception';
import { isNumeric } from '@magekit/php';
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
 * attributes merge by code; `stock_item` merges key by key. A new product needs SKU, name and
 * (for priced types) price, as the EAV backend validation demands.
 * @throws MagentoException 400 for a missing `product`, a value of the wrong type, an empty required attribute, or a SKU over 64 characters.
 */
export function mergeProductInput(
  body: Record<string, unknown>,
  existing: ProductRow | null,
  context: SaveContext,
): ProductWrite {
  const input = body['product'];
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw inputError('"%fieldName" is required. Enter and try again.', { fieldName: 'product' });
  const product = input as Record<string, unknown>;
  const sku = context.pathSku ?? readString(product['sku'], 'string') ?? existing?.sku ?? null;
  const stored = existing === null ? {} : (JSON.parse(existing.data) as Record<string, unknown>);
  const typeId = readString(product['type_id'], 'string') ?? existing?.type_id ?? 'simple';
  const write: ProductWrite = {
    sku: sku ?? '',
    name: readString(product['name'], 'string') ?? existing?.name ?? null,
    price: readNumber(product['price'], 'float') ?? existing?.price ?? null,
    status: readNumber(product['status'], 'int') ?? existing?.status ?? 1,
    visibility: readNumber(product['visibility'], 'int') ?? existing?.visibility ?? 4,
    typeId,
    attributeSetId: readNumber(product['attribute_set_id'], 'int') ?? existing?.attribute_set_id ?? 4,
    createdAt: existing?.created_at ?? context.now,
    updatedAt: context.now,
    categoryIds: [],
    data: { ...stored },
  };
  if (existing === null) assertRequired(write);
  if (write.sku.length > SKU_MAX_LENGTH)
    throw inputError('SKU length should be %1 characters maximum.', [SKU_MAX_LENGTH]);
  if (product['weight'] !== undefined) write.data['weight'] = readNumber(product['weight'], 'float');
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

function mergeCustomAttributes(stored: unknown, input: unknown): Array<{ attribute_code: string; value: unknown }> {
  const merged = new Map<string, unknown>();
  for (const attribute of (Array.isArray(stored) ? stored : []) as Array<{ attribute_code: string; value: unknown }>)
    merged.set(attribute.attribute_code, attribute.value);
  if (input !== undefined && !Array.isArray(input))
    throw inputError('Invalid type for value: "%value". Expected Type: "%type".', {
      value: typeof input,
      type: '\\Magento\\Framework\\Api\\AttributeInterface[]',
    });
  for (const attribute of (input ?? []) as unknown[]) {
    const code = (attribute as { attribute_code?: unknown } | null)?.attribute_code;
    if (typeof code !== 'string' || code === '')
      throw inputError('Each custom_attributes entry needs an "attribute_code" (got %1).', [JSON.stringify(attribute)]);
    merged.set(code, (attribute as { value?: unknown }).value ?? null);
  }
  return [...merged].map(([attribute_code, value]) => ({ attribute_code, value }));
}

function mergeExtensions(
  stored: unknown,
  product: Record<string, unknown>,
  newWebsiteIds: number[] | null,
): Record<string, unknown> {
  const current = { ...((stored ?? {}) as Record<string, unknown>) };
  const input = (product['extension_attributes'] ?? {}) as Record<string, unknown>;
  if (Array.isArray(input['website_ids']))
    current['website_ids'] = input['website_ids'].map((id) => readNumber(id, 'int'));
  else if (newWebsiteIds !== null) current['website_ids'] = newWebsiteIds;
  if (Array.isArray(input['category_links'])) {
    current['category_links'] = input['category_links'].map((link) => ({
      position: readNumber((link as Record<string, unknown>)['position'], 'int') ?? 0,
      category_id: String((link as Record<string, unknown>)['category_id']),
    }));
  } else {
    const fromAttribute = (Array.isArray(product['custom_attributes']) ? product['custom_attributes'] : []).find(
      (attribute) => (attribute as { attribute_code?: unknown }).attribute_code === 'category_ids',
    ) as { value?: unknown } | undefined;
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

/** `TypeProcessor::processSimpleAndAnyType` for a string property of the input. */
function readString(value: unknown, type: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object')
    throw inputError('Invalid type for value: "%value". Expected Type: "%type".', { value: 'array', type });
  return String(value);
}

/** `TypeProcessor::processSimpleAndAnyType` for an int/float property: numeric or refused. */
function readNumber(value: unknown, type: 'int' | 'float'): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return type === 'int' ? Math.trunc(value) : value;
  if (typeof value === 'string' && isNumeric(value)) return type === 'int' ? Math.trunc(Number(value)) : Number(value);
  throw inputError('Invalid type for value: "%value". Expected Type: "%type".', {
    value: typeof value === 'object' ? 'array' : String(value),
    type,
  });
}
