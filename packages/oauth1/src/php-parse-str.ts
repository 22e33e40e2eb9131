import { urldecode } from './php-string';

/** Marks a `parse_str` entry whose value is a PHP array (`a[b]=c`, `a[]=c`). */
export const PHP_ARRAY = Symbol('php-array');

/** A top-level `parse_str` value: a string, or the array marker. */
export type PhpValue = string | typeof PHP_ARRAY;

/**
 * PHP `parse_str()` reduced to what signature code needs: the top-level keys in PHP's order with
 * their string values, or {@link PHP_ARRAY} for bracketed names. Names and values are urldecoded
 * (`+` is a space); `.` and space in names become `_`; a `[` without `]` becomes `_`; empty names
 * are dropped; a repeated key keeps its first position and its last value. With `into`, the
 * entries are set on that map (the same as merging the result into it) and it is returned.
 */
export function parsePhpQuery(query: string, into: Map<string, PhpValue> = new Map()): Map<string, PhpValue> {
  if (query === '') return into;
  const length = query.length;
  let start = 0;
  while (start <= length) {
    let end = query.indexOf('&', start);
    if (end === -1) end = length;
    if (end > start) {
      let eq = query.indexOf('=', start);
      if (eq >= end) eq = -1;
      const rawName = eq === -1 ? query.slice(start, end) : query.slice(start, eq);
      const value = eq === -1 ? '' : urldecode(query.slice(eq + 1, end));
      registerPhpVariable(into, urldecode(rawName), value);
    }
    start = end + 1;
  }
  return into;
}

const SIMPLE_NAME = /^[^ .[]+$/;

/** Sets a decoded `name=value` as parse_str registers it: under its top-level name, bracketed names as arrays. */
export function registerPhpVariable(into: Map<string, PhpValue>, name: string, value: string): void {
  if (SIMPLE_NAME.test(name)) {
    into.set(name, value);
    return;
  }
  const parsed = parsePhpVariableName(name);
  if (parsed !== null) into.set(parsed.name, parsed.isArray ? PHP_ARRAY : value);
}

/** PHP's `php_register_variable_ex` name handling: the top-level name and whether it is an array. */
export function parsePhpVariableName(rawName: string): { name: string; isArray: boolean } | null {
  if (SIMPLE_NAME.test(rawName)) return { name: rawName, isArray: false };
  let first = 0;
  while (first < rawName.length && rawName.charCodeAt(first) === 32) first++;
  let isArray = false;
  let name = '';
  let last = first;
  for (let i = first; i < rawName.length; i++) {
    const code = rawName.charCodeAt(i);
    if (code === 32 || code === 46) {
      name += rawName.slice(last, i) + '_';
      last = i + 1;
    } else if (code === 91) {
      name += rawName.slice(last, i);
      if (rawName.indexOf(']', i + 1) !== -1) isArray = true;
      // No closing bracket: the `[` becomes `_` and the rest of the name is kept as it is.
      else name += '_' + rawName.slice(i + 1);
      last = -1;
      break;
    }
  }
  if (last !== -1) name += rawName.slice(last);
  if (name === '') return null;
  return { name, isArray };
}
