import { MagentoClientError } from '../errors/magento-client-error';
import { buildQueryString, type QueryValue } from '../url/build-query-string';

/** Magento's filter condition types (`Magento\Framework\Api\Filter::conditionType`, applied by the collection's SQL conditions). */
export const CONDITION_TYPES = [
  'eq',
  'neq',
  'like',
  'nlike',
  'in',
  'nin',
  'notnull',
  'null',
  'gt',
  'lt',
  'gteq',
  'lteq',
  'from',
  'to',
  'moreq',
  'finset',
] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];
export type FilterValue = string | number | boolean | readonly (string | number)[];

/** One filter: `field conditionType value`. */
export interface Filter {
  field: string;
  conditionType: ConditionType;
  value: string;
}

/** A filter as written by callers: `[field, condition, value?]`. */
export type FilterInput = readonly [field: string, condition: ConditionType, value?: FilterValue];

/** The criteria, as plain data. Filter groups are ANDed; filters inside a group are ORed. */
export interface SearchCriteriaData {
  readonly filterGroups: readonly (readonly Filter[])[];
  readonly sortOrders: readonly { field: string; direction: 'ASC' | 'DESC' }[];
  readonly pageSize?: number;
  readonly currentPage?: number;
  /** `fields` projection, e.g. `items[id,sku],total_count`. */
  readonly fields?: string;
}

/**
 * An immutable, typed builder of Magento's `searchCriteria` (filter groups = AND of ORs, sort
 * orders, page size, current page) plus the `fields` projection. Serialises to a query string that
 * Magento parses and that both signature profiles verify (explicit indexes, `%5B`/`%5D`).
 */
export class SearchCriteria {
  constructor(readonly data: SearchCriteriaData = { filterGroups: [], sortOrders: [] }) {}

  /** Adds an AND-ed group with one filter. `null`/`notnull` need no value. */
  where(field: string, condition: ConditionType, value?: FilterValue): SearchCriteria {
    return this.whereAny([field, condition, value]);
  }

  /** Adds an AND-ed group whose filters are OR-ed. */
  whereAny(...filters: FilterInput[]): SearchCriteria {
    if (filters.length === 0) throw new MagentoClientError('whereAny needs at least one filter.', 'INVALID_INPUT');
    return this.with({ filterGroups: [...this.data.filterGroups, filters.map(buildFilter)] });
  }

  orderBy(field: string, direction: 'ASC' | 'DESC' = 'ASC'): SearchCriteria {
    checkField(field);
    if (direction !== 'ASC' && direction !== 'DESC')
      throw new MagentoClientError(
        `Sort direction must be ASC or DESC, got ${JSON.stringify(direction)}.`,
        'INVALID_INPUT',
      );
    return this.with({ sortOrders: [...this.data.sortOrders, { field, direction }] });
  }

  pageSize(size: number): SearchCriteria {
    return this.with({ pageSize: checkPositive('pageSize', size) });
  }

  page(currentPage: number): SearchCriteria {
    return this.with({ currentPage: checkPositive('currentPage', currentPage) });
  }

  /** The `fields` projection (Magento's field filter), e.g. `items[id,sku,name],total_count`. */
  fields(projection: string): SearchCriteria {
    if (typeof projection !== 'string' || projection.trim() === '')
      throw new MagentoClientError('fields needs a projection.', 'INVALID_INPUT');
    return this.with({ fields: projection });
  }

  /** Query parameters; `pageSize` is capped at `maxPageSize` when given. */
  toQuery(options: { maxPageSize?: number } = {}): Record<string, QueryValue> {
    const { filterGroups, sortOrders, pageSize, currentPage, fields } = this.data;
    const criteria: Record<string, QueryValue> = {};
    if (filterGroups.length > 0)
      criteria.filterGroups = filterGroups.map((filters) => ({
        filters: filters.map((f) => ({ field: f.field, value: f.value, conditionType: f.conditionType })),
      }));
    if (sortOrders.length > 0)
      criteria.sortOrders = sortOrders.map((s) => ({ field: s.field, direction: s.direction }));
    if (pageSize !== undefined)
      criteria.pageSize = options.maxPageSize ? Math.min(pageSize, options.maxPageSize) : pageSize;
    if (currentPage !== undefined) criteria.currentPage = currentPage;
    // Magento needs the searchCriteria parameter even when empty (GET /V1/products?searchCriteria=).
    return { searchCriteria: Object.keys(criteria).length > 0 ? criteria : '', fields };
  }

  /** The serialised query string (see {@link buildQueryString}). */
  toQueryString(options: { maxPageSize?: number } = {}): string {
    return buildQueryString(this.toQuery(options));
  }

  private with(change: Partial<SearchCriteriaData>): SearchCriteria {
    return new SearchCriteria({ ...this.data, ...change });
  }
}

/** Starts an empty {@link SearchCriteria}. */
export function searchCriteria(): SearchCriteria {
  return new SearchCriteria();
}

function buildFilter([field, condition, value]: FilterInput): Filter {
  checkField(field);
  if (!CONDITION_TYPES.includes(condition))
    throw new MagentoClientError(
      `Unknown condition type ${JSON.stringify(condition)}; use one of ${CONDITION_TYPES.join(', ')}.`,
      'INVALID_INPUT',
    );
  // The SQL builder applies a condition only when its value isset(): null/notnull get a placeholder.
  if (condition === 'null' || condition === 'notnull') return { field, conditionType: condition, value: '1' };
  if (value === undefined || value === null)
    throw new MagentoClientError(`Filter ${field} ${condition} needs a value.`, 'INVALID_INPUT');
  if (Array.isArray(value) && condition !== 'in' && condition !== 'nin')
    throw new MagentoClientError(`Only in/nin take a list (filter ${field} ${condition}).`, 'INVALID_INPUT');
  const text = Array.isArray(value)
    ? value.join(',')
    : typeof value === 'boolean'
      ? value
        ? '1'
        : '0'
      : String(value);
  return { field, conditionType: condition, value: text };
}

function checkField(field: string): void {
  if (typeof field !== 'string' || !/^[A-Za-z_][\w.]*$/.test(field))
    throw new MagentoClientError(`Not a field name: ${JSON.stringify(field)}.`, 'INVALID_INPUT');
}

function checkPositive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new MagentoClientError(`${name} must be a positive integer, got ${value}.`, 'INVALID_INPUT');
  return value;
}
