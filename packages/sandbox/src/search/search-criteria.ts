import { inputError, MagentoException } from '../common/magento-exception';
import { inField, processSimpleType } from '../common/type-processor';
import { phpArrayValues, type PhpArray, type PhpValue } from '@magekit/php';

/** One `Filter` (`field`, `value`, `condition_type`; Magento's getter defaults the condition to `eq`). */
export interface SearchFilter {
  field: string | null;
  value: string | null;
  conditionType: string;
}

/** One `SortOrder`; a missing direction sorts descending (`SortingProcessor`). */
export interface SearchSortOrder {
  field: string | null;
  direction: 'ASC' | 'DESC' | null;
}

/** A `SearchCriteriaInterface` as the web API builds it from the query string. */
export interface SearchCriteria {
  /** Groups are ANDed, filters inside a group ORed. */
  filterGroups: SearchFilter[][];
  sortOrders: SearchSortOrder[] | null;
  pageSize: number | null;
  currentPage: number | null;
}

/** How the store limits input (`webapi/validation/*`). */
export interface CriteriaLimits {
  /** `Maximum SearchCriteria pageSize is %max` above this; 0: no limit. */
  maxPageSize: number;
}

/**
 * Reads `searchCriteria` from a query (PHP `parse_str` form) as Magento's `ServiceInputProcessor`
 * does: snake_case and camelCase keys, int conversion of `pageSize`/`currentPage`, sort directions
 * validated and upper-cased, the store's maximum page size enforced. A value of the wrong type is
 * reported with the path of keys that led to it, as sent (`Error occurred during "filterGroups"
 * processing. Error occurred during "filters" processing. Error occurred during "value" processing.
 * The "array" value's type is invalid. The "string" type was expected. Verify and try again.`).
 * @throws MagentoException 400 for a missing `searchCriteria`, a value of the wrong type, a bad direction or too large a page.
 */
export function parseSearchCriteria(query: PhpArray, limits: CriteriaLimits, name = 'searchCriteria'): SearchCriteria {
  const input = query[name];
  if (input === undefined) throw inputError('"%fieldName" is required. Enter and try again.', { fieldName: name });
  const criteria: SearchCriteria = { filterGroups: [], sortOrders: null, pageSize: null, currentPage: null };
  if (typeof input === 'string') return criteria;
  for (const [key, value] of Object.entries(input)) {
    switch (normalizeKey(key)) {
      case 'filtergroups':
        criteria.filterGroups = inField(key, () => listOf(value).map(readFilterGroup));
        break;
      case 'sortorders':
        criteria.sortOrders = inField(key, () => listOf(value).map(readSortOrder));
        break;
      case 'pagesize':
        criteria.pageSize = inField(key, () => readInt(value));
        if (limits.maxPageSize > 0 && criteria.pageSize > limits.maxPageSize) {
          throw new MagentoException(400, 'Maximum SearchCriteria pageSize is %max', { max: limits.maxPageSize });
        }
        break;
      case 'currentpage':
        criteria.currentPage = inField(key, () => readInt(value));
        break;
    }
  }
  return criteria;
}

/** `search_criteria` of a search result: the criteria as Magento's output processor renders them. */
export function renderSearchCriteria(criteria: SearchCriteria): Record<string, unknown> {
  const out: Record<string, unknown> = {
    filter_groups: criteria.filterGroups.map((filters) => ({
      filters: filters.map((filter) => ({
        ...(filter.field === null ? {} : { field: filter.field }),
        ...(filter.value === null ? {} : { value: filter.value }),
        condition_type: filter.conditionType,
      })),
    })),
  };
  if (criteria.sortOrders !== null) {
    out['sort_orders'] = criteria.sortOrders.map((order) => ({
      ...(order.field === null ? {} : { field: order.field }),
      ...(order.direction === null ? {} : { direction: order.direction }),
    }));
  }
  if (criteria.pageSize !== null) out['page_size'] = criteria.pageSize;
  if (criteria.currentPage !== null) out['current_page'] = criteria.currentPage;
  return out;
}

/** `filter_groups` and `filterGroups` name the same setter (`snakeCaseToUpperCamelCase`). */
function normalizeKey(key: string): string {
  return key.replace(/_/g, '').toLowerCase();
}

/**
 * `ServiceInputProcessor::processComplexTypes()` for a list of data objects: a string is refused with
 * 400 `Not all parameters valid.` (not wrapped in the field name); items in key order.
 */
function listOf(value: PhpValue): PhpValue[] {
  if (typeof value === 'string') throw new MagentoException(400, 'Not all parameters valid.');
  return phpArrayValues(value);
}

function readFilterGroup(group: PhpValue): SearchFilter[] {
  if (typeof group === 'string') return [];
  const filters = Object.entries(group).filter(([key]) => normalizeKey(key) === 'filters');
  if (filters.length === 0) return [];
  const [key, value] = filters[filters.length - 1];
  return inField(key, () => listOf(value).map(readFilter));
}

function readFilter(input: PhpValue): SearchFilter {
  const filter: SearchFilter = { field: null, value: null, conditionType: 'eq' };
  if (typeof input === 'string') return filter;
  for (const [key, value] of Object.entries(input)) {
    const name = normalizeKey(key);
    if (name === 'field') filter.field = inField(key, () => readString(value));
    else if (name === 'value') filter.value = inField(key, () => readString(value));
    else if (name === 'conditiontype') filter.conditionType = inField(key, () => readString(value)) || 'eq';
  }
  return filter;
}

function readSortOrder(input: PhpValue): SearchSortOrder {
  const order: SearchSortOrder = { field: null, direction: null };
  if (typeof input === 'string') return order;
  for (const [key, value] of Object.entries(input)) {
    const name = normalizeKey(key);
    if (name === 'field') order.field = inField(key, () => readString(value));
    else if (name === 'direction') order.direction = readDirection(inField(key, () => readString(value)));
  }
  return order;
}

/** `SortOrder::setDirection`: ASC or DESC in any case (the value is a string by then). */
function readDirection(value: string): 'ASC' | 'DESC' {
  const direction = value.toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC')
    throw inputError('The sort order has to be specified as %1 for ascending order or %2 for descending order.', [
      'ASC',
      'DESC',
    ]);
  return direction;
}

/** `TypeProcessor::processSimpleAndAnyType` for a `string` property (query values are strings or arrays). */
function readString(value: PhpValue): string {
  return processSimpleType(value, 'string') as string;
}

/**
 * `TypeProcessor::processSimpleAndAnyType` for an `int`: PHP `is_numeric`, then `(int)`. Unwrapped:
 * a top-level parameter (`GET /V1/orders/:id`) reports the bare type error.
 * @throws SerializationException 400 `The "x" value's type is invalid. The "int" type was expected. Verify and try again.`
 */
export function readInt(value: PhpValue): number {
  return processSimpleType(value, 'int') as number;
}
