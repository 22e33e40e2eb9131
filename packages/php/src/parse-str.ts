import { fromBytes, toBytes } from './bytes';
import { urldecode } from './url-encoding';

/**
 * PHP's `parse_str()` / `$_GET` / `$_POST` reading of `name=value&…` (main/php_variables.c:
 * `php_default_treat_data`, `php_register_variable_ex`, PHP 8), in two readers for the two ways
 * Magento reads them: {@link parseStrTopLevel} for the OAuth signature code, {@link parseStrNested}
 * for what web-API controllers receive.
 */

const SEPARATOR = '&';
const SPACE = ' ';
const OPEN = '[';
const CLOSE = ']';
const UNDERSCORE = '_';
/** What PHP puts in place of ` `, `.` and (in a name whose `[` is never closed) `[`. */
const NAME_MANGLED = /[ .[]/g;
/** What makes a name more than itself: a space, a dot, a bracket. */
const NAME_SPECIAL = /[ .[]/;
/** C's `isspace()`. */
const WHITE_SPACE = /^[ \t\n\v\f\r]$/;
const NO_KEYS: readonly string[] = [];

/** A variable name as PHP registers it: the top-level name and the bracketed keys after it (`''` for `[]`). */
export interface PhpVariableName {
  name: string;
  keys: readonly string[];
}

/**
 * `php_register_variable_ex`'s reading of a (decoded) name: leading spaces dropped; ` ` and `.` of
 * the top-level name become `_`; `a[b][]` has keys `b` and `''`; reading stops at the first char
 * after a `]` that is not `[`, and at a `[` never closed. A first `[` never closed is no array:
 * it becomes `_`, and so do ` `, `.` and `[` after it (PHP 8). Null for an empty name (PHP drops it).
 */
export function parseVariableName(raw: string): PhpVariableName | null {
  if (raw !== '' && !NAME_SPECIAL.test(raw)) return { name: raw, keys: NO_KEYS };
  let at = 0;
  while (raw[at] === SPACE) at++;
  const open = raw.indexOf(OPEN, at);
  const base = (open === -1 ? raw.slice(at) : raw.slice(at, open)).replace(NAME_MANGLED, UNDERSCORE);
  if (base === '') return null;
  if (open === -1) return { name: base, keys: NO_KEYS };
  let close = raw.indexOf(CLOSE, open + 1);
  if (close === -1)
    return { name: base + UNDERSCORE + raw.slice(open + 1).replace(NAME_MANGLED, UNDERSCORE), keys: NO_KEYS };
  const keys: string[] = [];
  for (let start = open; close !== -1; close = raw.indexOf(CLOSE, start + 1)) {
    const key = raw.slice(start + 1, close);
    // `[ ]` is `[]`: one white-space char after `[` is skipped when `]` follows it.
    keys.push(WHITE_SPACE.test(key) ? '' : key);
    start = close + 1;
    if (raw[start] !== OPEN) break;
  }
  return { name: base, keys };
}

/** Each `name=value` pair of a query with its variable name read and its value urldecoded (byte strings). */
function forEachVariable(query: string, register: (variable: PhpVariableName, value: string) => void): void {
  for (const pair of query.split(SEPARATOR)) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const variable = parseVariableName(urldecode(eq === -1 ? pair : pair.slice(0, eq)));
    if (variable !== null) register(variable, eq === -1 ? '' : urldecode(pair.slice(eq + 1)));
  }
}

/** Marks a top-level `parse_str` entry whose value is a PHP array (`a[b]=c`, `a[]=c`). */
export const PHP_ARRAY = Symbol('php-array');

/** A top-level `parse_str` value: a string, or {@link PHP_ARRAY}. */
export type TopLevelValue = string | typeof PHP_ARRAY;

/**
 * `parse_str($query, $result)` reduced to what Magento's OAuth signature code reads
 * (`Magento\Framework\Oauth\Helper\Request::_processRequest()` on a form body, and the latest
 * line's `Helper\Signature\Hmac` on the query): the top-level names in PHP's order with their
 * string values, or {@link PHP_ARRAY} for arrays. On byte strings: names and values are urldecoded
 * (`+` is a space); a repeated name keeps its first position and its last value. With `into`,
 * the entries are set on that map (the same as merging the result into it), which is returned.
 */
export function parseStrTopLevel(
  query: string,
  into: Map<string, TopLevelValue> = new Map(),
): Map<string, TopLevelValue> {
  forEachVariable(query, (variable, value) => into.set(variable.name, variable.keys.length > 0 ? PHP_ARRAY : value));
  return into;
}

/** A value `parse_str` produces, as text: a string or a nested array. */
export type PhpValue = string | PhpArray;

/** A PHP array as an object (null prototype: any key is data). */
export interface PhpArray {
  [key: string]: PhpValue;
}

const INDEX = /^\d+$/;

function createArray(): PhpArray {
  return Object.create(null) as PhpArray;
}

/** PHP's next free index of an array (`$a[] = …`): one past the largest integer key, else 0. */
function nextIndex(array: PhpArray): string {
  let next = 0;
  for (const key of Object.keys(array)) if (INDEX.test(key)) next = Math.max(next, Number(key) + 1);
  return String(next);
}

/** `$target[keys[0]][keys[1]]… = value`, each level made an array where it is not one. */
function assign(target: PhpArray, keys: readonly string[], value: string): void {
  let array = target;
  for (let depth = 0; depth < keys.length; depth++) {
    const key = keys[depth] === '' ? nextIndex(array) : keys[depth];
    if (depth === keys.length - 1) {
      array[key] = value;
      return;
    }
    const child = array[key];
    if (typeof child !== 'object') array[key] = createArray();
    array = array[key] as PhpArray;
  }
}

/**
 * `parse_str($query, $result)` in full, as Magento's web-API controllers receive `$_GET` (e.g.
 * `searchCriteria[filter_groups][0][filters][0][field]=sku`): on text (urldecoded bytes read as
 * UTF-8), nested arrays as objects, `a[]=…` appended at the next index, the last of repeated
 * names winning. JS objects list integer keys first: read arrays in PHP's order with care.
 */
export function parseStrNested(query: string): PhpArray {
  const result = createArray();
  forEachVariable(toBytes(query), (variable, value) => {
    assign(result, [variable.name, ...variable.keys].map(fromBytes), fromBytes(value));
  });
  return result;
}

/**
 * The values of an array {@link parseStrNested} gave (none for a string or nothing), integer keys in numeric
 * order: how Magento's web API reads a list such as `filter_groups[0]`, `filter_groups[1]`.
 */
export function phpArrayValues(value: PhpValue | undefined): PhpValue[] {
  if (value === undefined || typeof value === 'string') return [];
  const byIndex = (a: string, b: string) => (INDEX.test(a) && INDEX.test(b) ? Number(a) - Number(b) : 0);
  return Object.keys(value)
    .sort(byIndex)
    .map((key) => value[key]);
}
