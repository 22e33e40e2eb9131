import type { ResolvedField } from '../search/search-conditions';
import { createEavSource } from '../search/eav-source';
import type { SearchSource } from '../search/search-query';
import { customAttributeField, jsonField } from '../search/search-result';

const COLUMNS: Record<string, ResolvedField> = {
  entity_id: { sql: 't.id', kind: 'number' },
  id: { sql: 't.id', kind: 'number' },
  parent_id: { sql: 't.parent_id', kind: 'number' },
  position: { sql: 't.position', kind: 'number' },
};

/** Category attributes read from the JSON (top-level keys) or its custom attributes. */
const JSON_KEYS: Record<string, ResolvedField['kind']> = {
  name: 'text',
  is_active: 'number',
  level: 'number',
  path: 'text',
  include_in_menu: 'number',
  created_at: 'text',
  updated_at: 'text',
  children: 'text',
};
const ATTRIBUTES: Record<string, ResolvedField['kind']> = {
  display_mode: 'text',
  is_anchor: 'number',
  children_count: 'number',
  url_key: 'text',
  url_path: 'text',
  description: 'text',
  meta_title: 'text',
};

function resolve(field: string): ResolvedField | null {
  if (Object.prototype.hasOwnProperty.call(COLUMNS, field)) return COLUMNS[field];
  if (Object.prototype.hasOwnProperty.call(JSON_KEYS, field)) return jsonField('t.data', field, JSON_KEYS[field]);
  if (Object.prototype.hasOwnProperty.call(ATTRIBUTES, field))
    return customAttributeField('t.data', field, ATTRIBUTES[field]);
  return null;
}

/** `CategoryListInterface::getList()` over `catalog_category_entity` (an EAV collection). */
export const CATEGORY_SEARCH: SearchSource = createEavSource(
  { from: 'catalog_category_entity t', columns: 't.id, t.parent_id, t.position, t.data', idColumn: 't.id' },
  resolve,
);
