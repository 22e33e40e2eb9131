/** A `customer_entity` row as SQL returns it. */
export interface CustomerRow {
  id: number;
  email: string;
  website_id: number;
  /** `CustomerInterface` JSON without `id`. */
  data: string;
}

/** `CustomerInterface` getters in order: rendered keys follow it, anything else comes after. */
const KEY_ORDER = [
  'group_id',
  'default_billing',
  'default_shipping',
  'confirmation',
  'created_at',
  'updated_at',
  'created_in',
  'dob',
  'email',
  'firstname',
  'lastname',
  'middlename',
  'prefix',
  'suffix',
  'gender',
  'store_id',
  'taxvat',
  'website_id',
  'addresses',
  'disable_auto_group_change',
  'extension_attributes',
  'custom_attributes',
];

/**
 * `CustomerInterface` as the web API renders it: null values left out, `addresses` always a list,
 * `email` and `website_id` from their columns (the ones token look-ups use).
 */
export function renderCustomer(row: CustomerRow): Record<string, unknown> {
  const data = {
    addresses: [],
    disable_auto_group_change: 0,
    ...(JSON.parse(row.data) as Record<string, unknown>),
    email: row.email,
    website_id: row.website_id,
  };
  const out: Record<string, unknown> = { id: row.id };
  for (const key of KEY_ORDER)
    if (data[key as keyof typeof data] !== undefined && data[key as keyof typeof data] !== null)
      out[key] = data[key as keyof typeof data];
  for (const [key, value] of Object.entries(data))
    if (!(key in out) && key !== 'id' && value !== null && value !== undefined) out[key] = value;
  return out;
}
