import { convertCustomAttributes } from '../common/custom-attribute-input';
import { convertFields, processObject, processObjectList, type FieldType } from '../common/service-input-processor';

/** `CategoryLinkInterface` getters. */
const CATEGORY_LINK_FIELDS: Record<string, FieldType> = { position: 'int', category_id: 'string' };

/** `StockItemInterface` getters (`Magento\CatalogInventory\Api\Data\StockItemInterface`). */
const STOCK_ITEM_FIELDS: Record<string, FieldType> = {
  item_id: 'int',
  product_id: 'int',
  stock_id: 'int',
  qty: 'float',
  is_in_stock: 'bool',
  is_qty_decimal: 'bool',
  show_default_notification_message: 'bool',
  use_config_min_qty: 'bool',
  min_qty: 'float',
  use_config_min_sale_qty: 'int',
  min_sale_qty: 'float',
  use_config_max_sale_qty: 'bool',
  max_sale_qty: 'float',
  use_config_backorders: 'bool',
  backorders: 'int',
  use_config_notify_stock_qty: 'bool',
  notify_stock_qty: 'float',
  use_config_qty_increments: 'bool',
  qty_increments: 'float',
  use_config_enable_qty_inc: 'bool',
  enable_qty_increments: 'bool',
  use_config_manage_stock: 'bool',
  manage_stock: 'bool',
  low_stock_date: 'string',
  is_decimal_divided: 'bool',
  stock_status_changed_auto: 'int',
};

/** The `ProductExtensionInterface` attributes the sandbox models. */
const PRODUCT_EXTENSION_FIELDS: Record<string, FieldType> = {
  website_ids: 'int[]',
  category_links: (value) => processObjectList(value, (link) => convertFields(link, CATEGORY_LINK_FIELDS)),
  stock_item: (value) => convertFields(processObject(value), STOCK_ITEM_FIELDS),
};

const objectList = (value: unknown) => processObjectList(value);

/** `Magento\Catalog\Api\Data\ProductInterface` getters and their types. */
const PRODUCT_FIELDS: Record<string, FieldType> = {
  id: 'int',
  sku: 'string',
  name: 'string',
  attribute_set_id: 'int',
  price: 'float',
  status: 'int',
  visibility: 'int',
  type_id: 'string',
  created_at: 'string',
  updated_at: 'string',
  weight: 'float',
  extension_attributes: (value) => convertFields(processObject(value), PRODUCT_EXTENSION_FIELDS),
  product_links: objectList,
  options: objectList,
  media_gallery_entries: objectList,
  tier_prices: objectList,
  custom_attributes: convertCustomAttributes,
};

/**
 * The `product` input as `ServiceInputProcessor` builds `ProductInterface` from it: each property in
 * the order sent, converted by its getter's type, errors prefixed with the property
 * (`Error occurred during "price" processing. The "cheap" value's type is invalid. The "float" type
 * was expected. Verify and try again.`); lists lose their XML `item` wrapper; `custom_attributes`
 * become `{attribute_code, value}` entries. Values of other properties pass unchanged.
 * @throws SerializationException for a value of the wrong type; MagentoException 400 `Not all parameters valid.` for a list that is not one
 */
export function convertProductInput(product: Record<string, unknown>): Record<string, unknown> {
  return convertFields(product, PRODUCT_FIELDS);
}
