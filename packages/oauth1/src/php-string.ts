/**
 * PHP string semantics on "byte strings": JS strings whose char codes are bytes 0–255 (latin1), so
 * that percent-decoding can produce any byte (even invalid UTF-8) exactly as PHP does.
 */

// eslint-disable-next-line no-control-regex -- byte ranges are the point here
const NON_ASCII = /[^\x00-\x7f]/;
const FORM_RESERVED = /[^A-Za-z0-9\-_.]/g;
const PLUS = /\+/g;
const BYTE_MASK = 0xff;
const HEX_RADIX = 16;
const BYTE_VALUES = 256;
const PERCENT = '%';

/** UTF-16 text → UTF-8 byte string. ASCII text is returned as is. */
export function toBytes(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/** Byte string → text (UTF-8 decoded; invalid sequences become U+FFFD). */
export function fromBytes(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

/** `%XX` of every byte (a char above 255, which a byte string never holds, by its low byte). */
const ESCAPES: readonly string[] = Array.from({ length: BYTE_VALUES }, (_, byte) => PERCENT + byte.toString(HEX_RADIX).toUpperCase().padStart(2, '0'));

function percentEscape(char: string): string {
  return ESCAPES[char.charCodeAt(0) & BYTE_MASK];
}

/** `%25XX` of every byte: `rawurlencode` applied twice. */
const ESCAPES_TWICE: readonly string[] = ESCAPES.map((escape) => '%25' + escape.slice(1));
const ASCII_LIMIT = 0x80;
const UNRESERVED_CHAR = /[A-Za-z0-9\-_.~]/;
/** Whether each ASCII char code is RFC 3986 unreserved (`A-Za-z0-9-_.~`), which `rawurlencode` keeps. */
const UNRESERVED: readonly boolean[] = Array.from({ length: ASCII_LIMIT }, (_, code) => UNRESERVED_CHAR.test(String.fromCharCode(code)));

/** Every byte but the unreserved ones replaced by its entry in `escapes`, in one pass. */
function escapeReserved(bytes: string, escapes: readonly string[]): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    if (code < ASCII_LIMIT && UNRESERVED[code]) continue;
    out += bytes.slice(copied, i) + escapes[code & BYTE_MASK];
    copied = i + 1;
  }
  return copied === 0 ? bytes : out + bytes.slice(copied);
}

/** PHP `rawurlencode` (RFC 3986: everything but `A-Za-z0-9-_.~` is %XX). */
export function rawurlencode(bytes: string): string {
  return escapeReserved(bytes, ESCAPES);
}

/** `rawurlencode(rawurlencode(bytes))` in one pass (`%XX` becomes `%25XX`), as a base string holds parameters. */
export function rawurlencodeTwice(bytes: string): string {
  return escapeReserved(bytes, ESCAPES_TWICE);
}

/** PHP `urlencode` (as `http_build_query` uses it: space → `+`, `~` encoded). */
export function urlencode(bytes: string): string {
  return bytes.replace(FORM_RESERVED, (char) => (char === ' ' ? '+' : percentEscape(char)));
}

const ESCAPE_LENGTH = 3;
const NOT_HEX = -1;
const HEX_BITS = 4;
/** The value of each ASCII hex digit by char code, {@link NOT_HEX} for every other char. */
const HEX_VALUES: readonly number[] = Array.from({ length: 128 }, (_, code) => {
  const value = parseInt(String.fromCharCode(code), HEX_RADIX);
  return Number.isNaN(value) ? NOT_HEX : value;
});

/** The byte a `%XX` escape at `at` stands for, or {@link NOT_HEX} when the two chars after `%` are not hex digits. */
function escapedByte(bytes: string, at: number): number {
  const high = HEX_VALUES[bytes.charCodeAt(at + 1)] ?? NOT_HEX;
  const low = HEX_VALUES[bytes.charCodeAt(at + 2)] ?? NOT_HEX;
  return high === NOT_HEX || low === NOT_HEX ? NOT_HEX : (high << HEX_BITS) | low;
}

/** PHP `rawurldecode`: %XX → byte; `+` stays `+`; malformed escapes stay as they are. */
export function rawurldecode(bytes: string): string {
  let at = bytes.indexOf(PERCENT);
  if (at === -1) return bytes;
  let out = '';
  let copied = 0;
  for (; at !== -1; at = bytes.indexOf(PERCENT, at + 1)) {
    const byte = escapedByte(bytes, at);
    if (byte === NOT_HEX) continue;
    out += bytes.slice(copied, at) + String.fromCharCode(byte);
    copied = at + ESCAPE_LENGTH;
    at += ESCAPE_LENGTH - 1;
  }
  return out + bytes.slice(copied);
}

/** PHP `urldecode`: like rawurldecode, and `+` → space. */
export function urldecode(bytes: string): string {
  return rawurldecode(bytes.includes('+') ? bytes.replace(PLUS, ' ') : bytes);
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
