import type { RestCall } from '../rest/rest-handler';
import type { ResolvedField } from './search-conditions';
import { parseSearchCriteria, renderSearchCriteria } from './search-criteria';
import { searchRows, type SearchSource } from './search-query';
import type { SqlRunner } from './sql-runner';

/** `SearchResultsInterface` as the web API renders it. */
export interface SearchResult<Item> {
  items: Item[];
  search_criteria: Record<string, unknown>;
  total_count: number;
}

/**
 * A `getList(SearchCriteriaInterface $searchCriteria)` route: reads `searchCriteria` from the call's
 * query under the store's limits, runs it on `source` and maps each row to Magento's JSON.
 * @throws MagentoException for bad criteria (see {@link parseSearchCriteria}) or an unknown field.
 */
export function searchFromCall<Row, Item>(
  call: RestCall,
  sql: SqlRunner,
  source: SearchSource,
  toItem: (row: Row) => Item,
): SearchResult<Item> {
  const criteria = parseSearchCriteria(call.query, { maxPageSize: call.store.settings.maxPageSize });
  const page = searchRows<Row>(sql, source, criteria, { repeatLastPage: call.store.settings.repeatLastPage });
  return {
    items: page.rows.map(toItem),
    search_criteria: renderSearchCriteria(criteria),
    total_count: page.totalCount,
  };
}

/** A Magento attribute code or column name: the only fields that are turned into SQL. */
export function isSafeFieldName(field: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(field);
}

/**
 * A top-level key of the row's JSON (`data`), e.g. `weight`. Text compares case-insensitively;
 * numbers are cast so `gt`/`lt` compare numerically.
 */
export function jsonField(column: string, key: string, kind: ResolvedField['kind']): ResolvedField {
  if (!isSafeFieldName(key)) throw new Error(`Unsafe JSON key ${JSON.stringify(key)}.`);
  const value = `json_extract(${column}, '$.${key}')`;
  return { sql: kind === 'number' ? `CAST(${value} AS REAL)` : `${value} COLLATE NOCASE`, kind };
}

/** The value of a `custom_attributes` entry of the row's JSON (null when the attribute is absent). */
export function customAttributeField(column: string, code: string, kind: ResolvedField['kind']): ResolvedField {
  return typedField(customAttributeValueSql(column, code), kind);
}

/** The SQL of a `custom_attributes` entry's value, as stored (no collation, no cast). */
export function customAttributeValueSql(column: string, code: string): string {
  if (!isSafeFieldName(code)) throw new Error(`Unsafe attribute code ${JSON.stringify(code)}.`);
  return `(SELECT json_extract(ca.value, '$.value') FROM json_each(${column}, '$.custom_attributes') ca WHERE json_extract(ca.value, '$.attribute_code') = '${code}')`;
}

/** A value expression compared as its kind: numbers cast to REAL, text case-insensitively. */
export function typedField(value: string, kind: ResolvedField['kind']): ResolvedField {
  return { sql: kind === 'number' ? `CAST(${value} AS REAL)` : `${value} COLLATE NOCASE`, kind };
}
