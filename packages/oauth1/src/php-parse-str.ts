import { urldecode } from './php-string';

/** Marks a `parse_str` entry whose value is a PHP array (`a[b]=c`, `a[]=c`). */
export const PHP_ARRAY = Symbol('php-array');

/** A top-level `parse_str` value: a string, or the array marker. */
export type PhpValue = string | typeof PHP_ARRAY;

/**
 * PHP `parse_str()` reduced to what signature code needs: the top-level keys in PHP's order with
 * their string values, or {@link PHP_ARRAY} for bracketed names. Names and values are urldecoded
 * (`+` is a space); `.` and space in names become `_`; a `[` without `]` becomes `_`; empty names
 * are dropped; a repeated key keeps its first position and its last value.
 */
export function parsePhpQuery(query: string): Map<string, PhpValue> {
  const out = new Map<string, PhpValue>();
  if (query === '') return out;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const value = eq === -1 ? '' : urldecode(pair.slice(eq + 1));
    const parsed = parsePhpVariableName(urldecode(rawName));
    if (parsed === null) continue;
    out.set(parsed.name, parsed.isArray ? PHP_ARRAY : value);
  }
  return out;
}

const SIMPLE_NAME = /^[^ .[]+$/;

/** PHP's `php_register_variable_ex` name handling: the top-level name and whether it is an array. */
export function parsePhpVariableName(rawName: string): { name: string; isArray: boolean } | null {
  if (SIMPLE_NAME.test(rawName)) return { name: rawName, isArray: false };
  let name = rawName.replace(/^ +/, '');
  let isArray = false;
  let mangled = '';
  for (let i = 0; i < name.length; i++) {
    const char = name[i];
    if (char === ' ' || char === '.') {
      mangled += '_';
    } else if (char === '[') {
      if (name.indexOf(']', i + 1) !== -1) {
        isArray = true;
        break;
      }
      // No closing bracket: the `[` becomes `_` and the rest of the name is kept as it is.
      mangled += '_' + name.slice(i + 1);
      break;
    } else {
      mangled += char;
    }
  }
  name = mangled;
  if (name === '') return null;
  return { name, isArray };
}
