import { urldecode } from './php-string';

/** Marks a `parse_str` entry whose value is a PHP array (`a[b]=c`, `a[]=c`). */
export const PHP_ARRAY = Symbol('php-array');

/** A top-level `parse_str` value: a string, or the array marker. */
export type PhpValue = string | typeof PHP_ARRAY;

const SPACE = ' ';
const DOT = '.';
const OPEN_BRACKET = '[';

/**
 * PHP `parse_str()` reduced to what signature code needs: the top-level keys in PHP's order with
 * their string values, or {@link PHP_ARRAY} for bracketed names. Names and values are urldecoded
 * (`+` is a space); `.` and space in names become `_`; a `[` without `]` becomes `_`; empty names
 * are dropped; a repeated key keeps its first position and its last value. With `into`, the
 * entries are set on that map (the same as merging the result into it) and it is returned.
 */
export function parsePhpQuery(query: string, into: Map<string, PhpValue> = new Map()): Map<string, PhpValue> {
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = urldecode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : urldecode(pair.slice(eq + 1));
    const variable = parsePhpVariableName(name);
    if (variable !== null) into.set(variable.name, variable.isArray ? PHP_ARRAY : value);
  }
  return into;
}

/** PHP's `php_register_variable_ex` name handling: the top-level name and whether it is an array. */
export function parsePhpVariableName(rawName: string): { name: string; isArray: boolean } | null {
  let name = '';
  let isArray = false;
  let i = 0;
  while (rawName[i] === SPACE) i++;
  for (; i < rawName.length; i++) {
    const char = rawName[i];
    if (char === OPEN_BRACKET) {
      if (rawName.indexOf(']', i + 1) !== -1) isArray = true;
      // No closing bracket: the `[` becomes `_` and the rest of the name is kept as it is.
      else name += '_' + rawName.slice(i + 1);
      break;
    }
    name += char === SPACE || char === DOT ? '_' : char;
  }
  return name === '' ? null : { name, isArray };
}
