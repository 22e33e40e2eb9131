/**
 * PHP string semantics on "byte strings": JS strings whose char codes are bytes 0–255 (latin1), so
 * that percent-decoding can produce any byte (even invalid UTF-8) exactly as PHP does.
 */

// eslint-disable-next-line no-control-regex -- byte ranges are the point here
const NON_ASCII = /[^\x00-\x7f]/;
const NOT_UNRESERVED = /[^A-Za-z0-9\-_.~]/g;
const KEPT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;
const FORM_RESERVED = /[^A-Za-z0-9\-_.]/g;
const PERCENT_ESCAPE = /%([0-9A-Fa-f]{2})/g;
const PLUS = /\+/g;
const BYTE_MASK = 0xff;
const HEX_RADIX = 16;

/** UTF-16 text → UTF-8 byte string. ASCII text is returned as is. */
export function toBytes(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/** Byte string → text (UTF-8 decoded; invalid sequences become U+FFFD). */
export function fromBytes(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

/** `%XX` of every byte (a char above 255, which a byte string never holds, by its low byte). */
const ESCAPES: readonly string[] = Array.from({ length: 256 }, (_, byte) => '%' + byte.toString(HEX_RADIX).toUpperCase().padStart(2, '0'));

function percentEscape(char: string): string {
  return ESCAPES[char.charCodeAt(0) & BYTE_MASK];
}

/**
 * PHP `rawurlencode` (RFC 3986: everything but `A-Za-z0-9-_.~` is %XX). On ASCII, that is
 * `encodeURIComponent` with `!'()*` encoded too.
 */
export function rawurlencode(bytes: string): string {
  if (NON_ASCII.test(bytes)) return bytes.replace(NOT_UNRESERVED, percentEscape);
  return encodeURIComponent(bytes).replace(KEPT_BY_ENCODE_URI_COMPONENT, percentEscape);
}

/** PHP `urlencode` (as `http_build_query` uses it: space → `+`, `~` encoded). */
export function urlencode(bytes: string): string {
  return bytes.replace(FORM_RESERVED, (char) => (char === ' ' ? '+' : percentEscape(char)));
}

/** PHP `rawurldecode`: %XX → byte; `+` stays `+`; malformed escapes stay as they are. */
export function rawurldecode(bytes: string): string {
  return bytes.includes('%') ? bytes.replace(PERCENT_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, HEX_RADIX))) : bytes;
}

/** PHP `urldecode`: like rawurldecode, and `+` → space. */
export function urldecode(bytes: string): string {
  return rawurldecode(bytes.replace(PLUS, ' '));
}

const NUMERIC_PREFIX = /^[ \t\n\r\v\f]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/;
const NUMERIC_STRING = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/;
const INTEGER_KEY = /^(?:0|-?[1-9]\d*)$/;
const PHP_INT_MIN = -(2n ** 63n);
const PHP_INT_MAX = 2n ** 63n - 1n;

/** PHP's `(int)` cast of a string: leading numeric prefix (with exponent), else 0. */
export function phpIntCast(value: string): number {
  const match = NUMERIC_PREFIX.exec(value);
  if (!match) return 0;
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return number > 0 ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  return Math.trunc(number);
}

/** PHP 8 `is_numeric` for strings. */
export function isNumericString(value: string): boolean {
  return NUMERIC_STRING.test(value);
}

/** Whether PHP turns this array key into an integer key (canonical decimal integer in range). */
export function isIntegerArrayKey(key: string): boolean {
  if (!INTEGER_KEY.test(key)) return false;
  const value = BigInt(key);
  return value >= PHP_INT_MIN && value <= PHP_INT_MAX;
}

/** Byte-wise comparison, as PHP's `strcmp`. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** PHP 8 `ksort($array)` (SORT_REGULAR) order for two string keys: numerically when both are numeric. */
export function comparePhpKeys(a: string, b: string): number {
  if (isNumericString(a) && isNumericString(b)) {
    const diff = Number(a) - Number(b);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return compareBytes(a, b);
}
