import type { PhpValue } from '@magekit/php';

/** A parsed `fields` filter: a name maps to 1 (keep whole) or to a nested filter. */
export interface FieldsTree {
  [name: string]: 1 | FieldsTree;
}

/**
 * Applies the `fields` query parameter to a REST response, as `SynchronousRequestProcessor` calls
 * `Magento\Framework\Webapi\Rest\Response\FieldsFilter`: only when the parameter is truthy in PHP
 * (not absent, `''` or `'0'`) and the response is an array/object. A parameter that is not a string
 * or does not parse makes the response `[]`. Lists are filtered item by item; an empty list becomes
 * `null`, as PHP's `applyFilter` returns it. Pure: `response` is not modified.
 * @param response the handler's JSON value.
 * @param fields `call.query['fields']`, e.g. `items[sku,name],total_count`.
 */
export function filterResponseFields(response: unknown, fields: PhpValue | undefined): unknown {
  if (fields === undefined || fields === '' || fields === '0') return response;
  if (response === null || typeof response !== 'object') return response;
  if (typeof fields !== 'string') return [];
  const tree = parseFieldsFilter(fields);
  if (tree === null) return [];
  return applyFilter(response as PhpArrayLike, tree);
}

/**
 * `FieldsFilter::parse`: letters, digits, `_`, brackets and commas only; unbalanced brackets are
 * invalid. Returns null for an invalid filter.
 */
export function parseFieldsFilter(filter: string): FieldsTree | null {
  if (filter.length === 0 || /[^A-Za-z0-9_[\],]/.test(filter)) return null;
  let start: number | null = null;
  let current: FieldsTree = {};
  const stack: FieldsTree[] = [];
  const parents: string[] = [];
  let element = '';
  for (let position = 0; position < filter.length; position++) {
    const char = filter[position];
    if (char === '[' || char === ']' || char === ',') {
      if (start !== null) {
        element = filter.slice(start, position);
        current[element] = 1;
      }
      start = null;
    }
    if (char === '[') {
      parents.push(element);
      stack.push(current);
      current = {};
    } else if (char === ']') {
      const inner = current;
      // PHP's array_pop on an empty stack gives null, and `$current[null]` is key ''.
      current = stack.pop() ?? {};
      current[parents.pop() ?? ''] = inner;
    } else if (char !== ',' && start === null) {
      start = position;
    }
  }
  if (stack.length > 0) return null;
  if (start !== null) current[filter.slice(start)] = 1;
  return current;
}

type PhpArrayLike = Record<string, unknown> | unknown[];

/** `applyFilter`: a PHP list (no string keys) is filtered per item; an empty one gives null. */
function applyFilter(response: PhpArrayLike, tree: FieldsTree): unknown {
  if (isPhpList(response)) {
    const items = Object.values(response);
    if (items.length === 0) return null;
    const filtered = items.map((item) =>
      item !== null && typeof item === 'object' ? intersect(item as PhpArrayLike, tree) : item,
    );
    return Array.isArray(response)
      ? filtered
      : Object.fromEntries(Object.keys(response).map((key, i) => [key, filtered[i]]));
  }
  return intersect(response, tree);
}

/** `recursiveArrayIntersectKey`: the response's keys that the filter names, in the response's order. */
function intersect(value: PhpArrayLike, tree: FieldsTree): Record<string, unknown> | unknown[] {
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!Object.prototype.hasOwnProperty.call(tree, key)) continue;
    const sub = tree[key];
    out[key] =
      child !== null && typeof child === 'object' && sub !== 1 ? applyFilter(child as PhpArrayLike, sub) : child;
  }
  // A JSON list whose numeric keys were all kept stays a list, as PHP encodes a sequential array.
  if (Array.isArray(value) && Object.keys(out).every((key, i) => key === String(i))) return Object.values(out);
  return out;
}

/** PHP arrays with only integer keys: JSON lists, and objects whose keys are all integers. */
function isPhpList(value: PhpArrayLike): boolean {
  return Array.isArray(value) || Object.keys(value).every((key) => /^(0|-?[1-9]\d*)$/.test(key));
}
