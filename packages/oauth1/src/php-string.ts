/**
 * PHP string semantics on "byte strings": JS strings whose char codes are bytes 0–255 (latin1), so that
 * percent-decoding can produce any byte (even invalid UTF-8) exactly as PHP does.
 */

// eslint-disable-next-line no-control-regex -- byte ranges are the point here
const NON_ASCII = /[^\x00-\x7f]/;

/** UTF-16 text → UTF-8 byte string. ASCII text is returned as is. */
export function toBytes(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/** Byte string → text (UTF-8 decoded; invalid sequences become U+FFFD). */
export function fromBytes(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

const HEX = '0123456789ABCDEF';
const ENCODED: string[] = Array.from({ length: 256 }, (_, byte) => '%' + HEX[byte >> 4] + HEX[byte & 15]);
const RAW_RESERVED = /[^A-Za-z0-9\-_.~]/g;
const RAW_RESERVED_TEST = /[^A-Za-z0-9\-_.~]/;
const FORM_RESERVED = /[^A-Za-z0-9\-_.]/g;

function encodeByte(char: string): string {
  return ENCODED[char.charCodeAt(0) & 0xff];
}

/** PHP `rawurlencode` (RFC 3986: everything but `A-Za-z0-9-_.~` is %XX). */
export function rawurlencode(bytes: string): string {
  return RAW_RESERVED_TEST.test(bytes) ? bytes.replace(RAW_RESERVED, encodeByte) : bytes;
}

/** PHP `urlencode` (as `http_build_query` uses it: space → `+`, `~` encoded). */
export function urlencode(bytes: string): string {
  return bytes.replace(FORM_RESERVED, (char) => (char === ' ' ? '+' : encodeByte(char)));
}

const PERCENT = /%[0-9A-Fa-f]{2}/g;

function decodeTriplet(triplet: string): string {
  return String.fromCharCode(parseInt(triplet.slice(1), 16));
}

/** PHP `rawurldecode`: %XX → byte; `+` stays `+`; malformed escapes stay as they are. */
export function rawurldecode(bytes: string): string {
  return bytes.includes('%') ? bytes.replace(PERCENT, decodeTriplet) : bytes;
}

/** PHP `urldecode`: like rawurldecode, and `+` → space. */
export function urldecode(bytes: string): string {
  return rawurldecode(bytes.includes('+') ? bytes.replace(/\+/g, ' ') : bytes);
}

/** PHP's `(int)` cast of a string: leading numeric prefix (with exponent), else 0. */
export function phpIntCast(value: string): number {
  const match = /^[ \t\n\r\v\f]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/.exec(value);
  if (!match) return 0;
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return number > 0 ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  return Math.trunc(number);
}

const NUMERIC_STRING = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

/** PHP 8 `is_numeric` for strings. */
export function isNumericString(value: string): boolean {
  return NUMERIC_STRING.test(value);
}

/** Whether PHP turns this array key into an integer key (canonical decimal integer in range). */
export function isIntegerArrayKey(key: string): boolean {
  if (!/^(?:0|-?[1-9]\d*)$/.test(key) || key === '-0') return false;
  const value = BigInt(key);
  return value >= -(2n ** 63n) && value < 2n ** 63n;
}

/** Byte-wise comparison (memcmp, then length), as PHP's `strcmp`. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** PHP 8 `ksort($array)` (SORT_REGULAR) order for two string keys. */
export function comparePhpKeys(a: string, b: string): number {
  if (isNumericString(a) && isNumericString(b)) {
    const diff = Number(a) - Number(b);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return compareBytes(a, b);
}
