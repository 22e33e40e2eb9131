/**
 * PHP 8's numeric strings (Zend/zend_operators.c `is_numeric_string_ex`): optional leading and
 * trailing white space, a sign, digits with an optional fraction, an optional exponent.
 */

const WHITE_SPACE = '[ \\t\\n\\r\\v\\f]*';
const NUMBER = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?';
const NUMERIC_STRING = new RegExp(`^${WHITE_SPACE}${NUMBER}${WHITE_SPACE}$`);
const NUMERIC_PREFIX = new RegExp(`^${WHITE_SPACE}(${NUMBER})`);
const INTEGER_KEY = /^(?:0|-?[1-9]\d*)$/;
const PHP_INT_MIN = -(2n ** 63n);
const PHP_INT_MAX = 2n ** 63n - 1n;

/** PHP 8 `is_numeric($value)` for a string. */
export function isNumeric(value: string): boolean {
  return NUMERIC_STRING.test(value);
}

/** PHP's `(int)` cast of a string: its leading numeric prefix (exponent included) truncated, else 0. */
export function intCast(value: string): number {
  const match = NUMERIC_PREFIX.exec(value);
  if (!match) return 0;
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return number > 0 ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  return Math.trunc(number);
}

/** Whether PHP stores this array key as an integer (a canonical decimal integer within `PHP_INT_MIN..PHP_INT_MAX`). */
export function isIntegerKey(key: string): boolean {
  if (!INTEGER_KEY.test(key)) return false;
  const value = BigInt(key);
  return value >= PHP_INT_MIN && value <= PHP_INT_MAX;
}

/** PHP 8 loose `==` between two strings: numeric strings compare as numbers, others byte for byte. */
export function looseEquals(a: string, b: string): boolean {
  if (a === b) return true;
  return isNumeric(a) && isNumeric(b) && Number(a.trim()) === Number(b.trim());
}
