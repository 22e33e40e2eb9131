/** A `catalog_product_entity` row as SQL returns it. */
export interface ProductRow {
  id: number;
  sku: string;
  name: string | null;
  price: number | null;
  status: number;
  visibility: number;
  type_id: string;
  attribute_set_id: number;
  created_at: string;
  updated_at: string;
  category_ids: string;
  /** JSON: weight, extension_attributes, product_links, options, media_gallery_entries, tier_prices, custom_attributes. */
  data: string;
}

/** The columns of {@link ProductRow}, for `SELECT`. */
export const PRODUCT_COLUMNS =
  'id, sku, name, price, status, visibility, type_id, attribute_set_id, created_at, updated_at, category_ids, data';

/** `StockItemInterface` of a product with default stock settings; stored stock items only hold differences. */
export function defaultStockItem(productId: number): Record<string, unknown> {
  return {
    item_id: productId,
    product_id: productId,
    stock_id: 1,
    qty: 0,
    is_in_stock: false,
    is_qty_decimal: false,
    show_default_notification_message: false,
    use_config_min_qty: true,
    min_qty: 0,
    use_config_min_sale_qty: 1,
    min_sale_qty: 1,
    use_config_max_sale_qty: true,
    max_sale_qty: 10000,
    use_config_backorders: true,
    backorders: 0,
    use_config_notify_stock_qty: true,
    notify_stock_qty: 1,
    use_config_qty_increments: true,
    qty_increments: 0,
    use_config_enable_qty_inc: true,
    enable_qty_increments: false,
    use_config_manage_stock: true,
    manage_stock: true,
    low_stock_date: null,
    is_decimal_divided: false,
    stock_status_changed_auto: 0,
  };
}

/**
 * `ProductInterface` as the web API renders it, in the interface's getter order. `stock_item` is
 * only on a single product (`GET /V1/products/:sku`): Magento's `getList` does not add it
 * (magento/magento2#36533). `category_ids` is rendered from the category links.
 */
export function renderProduct(row: ProductRow, options: { stockItem: boolean }): Record<string, unknown> {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const extension = (data['extension_attributes'] ?? {}) as Record<string, unknown>;
  const links = Array.isArray(extension['category_links'])
    ? (extension['category_links'] as Array<{ category_id: unknown }>)
    : [];
  const { stock_item: stock, ...otherExtensions } = extension;
  const out: Record<string, unknown> = { id: row.id, sku: row.sku };
  if (row.name !== null) out['name'] = row.name;
  out['attribute_set_id'] = row.attribute_set_id;
  if (row.price !== null) out['price'] = row.price;
  Object.assign(out, {
    status: row.status,
    visibility: row.visibility,
    type_id: row.type_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
  });
  if (data['weight'] !== undefined && data['weight'] !== null) out['weight'] = data['weight'];
  out['extension_attributes'] = {
    website_ids: otherExtensions['website_ids'] ?? [],
    category_links: links,
    ...Object.fromEntries(
      Object.entries(otherExtensions).filter(([key]) => key !== 'website_ids' && key !== 'category_links'),
    ),
    ...(options.stockItem
      ? { stock_item: { ...defaultStockItem(row.id), ...((stock ?? {}) as Record<string, unknown>) } }
      : {}),
  };
  out['product_links'] = data['product_links'] ?? [];
  out['options'] = data['options'] ?? [];
  out['media_gallery_entries'] = data['media_gallery_entries'] ?? [];
  out['tier_prices'] = data['tier_prices'] ?? [];
  const custom = ((data['custom_attributes'] ?? []) as Array<{ attribute_code: string }>).filter(
    (attribute) => attribute.attribute_code !== 'category_ids',
  );
  if (links.length > 0)
    custom.push({ attribute_code: 'category_ids', value: links.map((link) => String(link.category_id)) } as {
      attribute_code: string;
    });
  out['custom_attributes'] = custom;
  return out;
}
