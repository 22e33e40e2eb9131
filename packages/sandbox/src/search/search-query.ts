import { buildCondition, type ResolvedField, type SqlExpr } from './search-conditions';
import type { SearchCriteria, SearchFilter } from './search-criteria';
import type { SqlRunner, SqlValue } from './sql-runner';

/** A table searchCriteria run against, described for the SQL builder. */
export interface SearchSource {
  /** `FROM` clause, e.g. `catalog_product_entity t`. */
  from: string;
  /** `SELECT` list of a result row. */
  columns: string;
  /** The primary key expression: the last sort key, so pages are stable. */
  idColumn: string;
  /** EAV collection (products, customers): see {@link buildCondition}. */
  eav: boolean;
  /** The field a filter names. @throws MagentoException or Error for a field the collection does not have. */
  filterField(field: string | null): ResolvedField;
  /** The field a sort order names, or null when the collection ignores it (EAV: unknown attribute). */
  sortField(field: string): ResolvedField | null;
  /**
   * Magento's custom filters (`CustomFilterInterface`, e.g. products' `category_id`): applied to the
   * collection on their own, so ANDed with the group instead of ORed into it. Within a group, `eq`
   * filters on the same custom field are merged into one `in` (EAV `FilterProcessor`).
   */
  customFilters?: Record<string, (filter: SearchFilter) => SqlExpr>;
}

/** What {@link searchRows} found: one page of rows and the unpaged count. */
export interface SearchPage<Row> {
  rows: Row[];
  totalCount: number;
}

/** Paging rules of the store. */
export interface PagingRules {
  /** Magento 2.4.x `Collection::getCurPage()`: a page past the last one is the last one again. */
  repeatLastPage: boolean;
}

/**
 * Runs searchCriteria as SQL: filter groups ANDed, filters within a group ORed, sort orders in turn
 * (a missing direction is DESC, as `SortingProcessor` does), then the id; paging with `LIMIT`, as
 * Magento's collection does (no `pageSize`: every row; `currentPage` below 1: page 1).
 */
export function searchRows<Row>(
  sql: SqlRunner,
  source: SearchSource,
  criteria: SearchCriteria,
  paging: PagingRules,
): SearchPage<Row> {
  const where = buildWhere(source, criteria.filterGroups);
  const whereSql = where.sql === '' ? '' : ` WHERE ${where.sql}`;
  const count = sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${source.from}${whereSql}`, where.params);
  const totalCount = count?.n ?? 0;
  const orderSql = ` ORDER BY ${[...buildOrder(source, criteria), `${source.idColumn} ASC`].join(', ')}`;
  const select = `SELECT ${source.columns} FROM ${source.from}${whereSql}${orderSql}`;
  const pageSize = criteria.pageSize !== null && criteria.pageSize > 0 ? criteria.pageSize : null;
  if (pageSize === null) return { rows: sql.all<Row>(select, where.params), totalCount };
  const page = resolvePage(criteria.currentPage, pageSize, totalCount, paging);
  if (page === null) return { rows: [], totalCount };
  return {
    rows: sql.all<Row>(`${select} LIMIT ? OFFSET ?`, [...where.params, pageSize, (page - 1) * pageSize]),
    totalCount,
  };
}

/** The page to read, or null when it lies past the last one and the store does not repeat it. */
export function resolvePage(
  currentPage: number | null,
  pageSize: number,
  totalCount: number,
  paging: PagingRules,
): number | null {
  const lastPage = totalCount === 0 ? 1 : Math.ceil(totalCount / pageSize);
  const requested = currentPage === null || currentPage < 1 ? 1 : currentPage;
  if (requested <= lastPage) return requested;
  return paging.repeatLastPage ? lastPage : null;
}

function buildWhere(source: SearchSource, groups: SearchFilter[][]): SqlExpr {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const add = (expr: SqlExpr) => {
    parts.push(`(${expr.sql})`);
    params.push(...expr.params);
  };
  for (const group of groups) {
    const alternatives: SqlExpr[] = [];
    const mergedEq = new Map<string, SearchFilter[]>();
    const custom: SqlExpr[] = [];
    for (const filter of group) {
      const customFilter = filter.field === null ? undefined : source.customFilters?.[filter.field];
      if (customFilter === undefined) {
        alternatives.push(
          buildCondition(
            source.filterField(filter.field),
            filter.conditionType,
            filter.value,
            source.eav ? filter.field : null,
          ),
        );
      } else if (filter.conditionType === 'eq' && source.eav) {
        mergedEq.set(filter.field as string, [...(mergedEq.get(filter.field as string) ?? []), filter]);
      } else {
        custom.push(customFilter(filter));
      }
    }
    if (alternatives.length > 0)
      add({ sql: alternatives.map((a) => `(${a.sql})`).join(' OR '), params: alternatives.flatMap((a) => a.params) });
    for (const [field, filters] of mergedEq) {
      const merged =
        filters.length > 1
          ? { field, value: filters.map((f) => f.value ?? '').join(','), conditionType: 'in' }
          : filters[0];
      add(source.customFilters?.[field]?.(merged) as SqlExpr);
    }
    custom.forEach(add);
  }
  return { sql: parts.join(' AND '), params };
}

function buildOrder(source: SearchSource, criteria: SearchCriteria): string[] {
  const keys: string[] = [];
  for (const order of criteria.sortOrders ?? []) {
    if (order.field === null) continue;
    const field = source.sortField(order.field);
    if (field !== null) keys.push(`${field.sql} ${order.direction === 'ASC' ? 'ASC' : 'DESC'}`);
  }
  return keys;
}
