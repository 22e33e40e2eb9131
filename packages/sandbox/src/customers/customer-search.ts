import type { ResolvedField } from '../search/search-conditions';
import { createEavSource } from '../search/eav-source';
import type { SearchSource } from '../search/search-query';
import { jsonField } from '../search/search-result';

const COLUMNS: Record<string, ResolvedField> = {
  entity_id: { sql: 't.id', kind: 'number' },
  id: { sql: 't.id', kind: 'number' },
  email: { sql: 't.email COLLATE NOCASE', kind: 'text' },
  website_id: { sql: 't.website_id', kind: 'number' },
};

/** Customer attributes read from the JSON. */
const JSON_KEYS: Record<string, ResolvedField['kind']> = {
  firstname: 'text',
  lastname: 'text',
  middlename: 'text',
  prefix: 'text',
  suffix: 'text',
  created_at: 'text',
  updated_at: 'text',
  created_in: 'text',
  dob: 'text',
  taxvat: 'text',
  confirmation: 'text',
  default_billing: 'text',
  default_shipping: 'text',
  group_id: 'number',
  store_id: 'number',
  gender: 'number',
  disable_auto_group_change: 'number',
};

function resolve(field: string): ResolvedField | null {
  if (Object.prototype.hasOwnProperty.call(COLUMNS, field)) return COLUMNS[field];
  if (Object.prototype.hasOwnProperty.call(JSON_KEYS, field)) return jsonField('t.data', field, JSON_KEYS[field]);
  return null;
}

/** `CustomerRepositoryInterface::getList()` over `customer_entity` (an EAV collection). */
export const CUSTOMER_SEARCH: SearchSource = createEavSource(
  { from: 'customer_entity t', columns: 't.id, t.email, t.website_id, t.data', idColumn: 't.id' },
  resolve,
);
