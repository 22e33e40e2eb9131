import type { ResolvedField } from '../search/search-conditions';
import type { SearchSource } from '../search/search-query';
import { isSafeFieldName, jsonField } from '../search/search-result';

const COLUMNS: Record<string, ResolvedField> = {
  entity_id: { sql: 't.id', kind: 'number' },
  increment_id: { sql: 't.increment_id', kind: 'text' },
  customer_id: { sql: 't.customer_id', kind: 'number' },
  state: { sql: 't.state', kind: 'text' },
  status: { sql: 't.status', kind: 'text' },
  customer_email: { sql: 't.customer_email', kind: 'text' },
  grand_total: { sql: 't.grand_total', kind: 'number' },
  created_at: { sql: 't.created_at', kind: 'text' },
  updated_at: { sql: 't.updated_at', kind: 'text' },
};

/** Other `sales_order` columns, read from the order's JSON. */
const TEXT_KEYS = [
  'base_currency_code',
  'customer_firstname',
  'customer_lastname',
  'customer_middlename',
  'customer_prefix',
  'customer_suffix',
  'customer_dob',
  'customer_taxvat',
  'global_currency_code',
  'order_currency_code',
  'shipping_description',
  'store_currency_code',
  'store_name',
  'remote_ip',
  'protect_code',
  'coupon_code',
  'shipping_method',
  'ext_order_id',
];
const NUMBER_KEYS = [
  'base_discount_amount',
  'base_grand_total',
  'base_shipping_amount',
  'base_subtotal',
  'base_tax_amount',
  'base_total_due',
  'customer_group_id',
  'customer_is_guest',
  'customer_gender',
  'discount_amount',
  'is_virtual',
  'quote_id',
  'shipping_amount',
  'store_id',
  'subtotal',
  'tax_amount',
  'total_due',
  'total_invoiced',
  'total_paid',
  'total_item_count',
  'total_qty_ordered',
  'weight',
  'email_sent',
];

function resolve(field: string | null, clause: string): ResolvedField {
  if (field !== null && Object.prototype.hasOwnProperty.call(COLUMNS, field)) return COLUMNS[field];
  if (field !== null && isSafeFieldName(field) && TEXT_KEYS.includes(field)) return jsonField('t.data', field, 'text');
  if (field !== null && isSafeFieldName(field) && NUMBER_KEYS.includes(field))
    return jsonField('t.data', field, 'number');
  throw new Error(`SQLSTATE[42S22]: Column not found: 1054 Unknown column '${field ?? ''}' in '${clause}'`);
}

/**
 * `OrderRepositoryInterface::getList()` over `sales_order`, a flat collection: a field that is not a
 * column is MySQL's unknown-column error, which Magento answers with its masked 500.
 */
export const ORDER_SEARCH: SearchSource = {
  from: 'sales_order t',
  columns: 't.id, t.data',
  idColumn: 't.id',
  eav: false,
  filterField: (field) => resolve(field, 'where clause'),
  sortField: (field) => resolve(field, 'order clause'),
};
