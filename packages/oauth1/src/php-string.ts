/**
 * PHP string semantics on "byte strings": JS strings whose char codes are bytes 0–255 (latin1), so that
 * percent-decoding can produce any byte (even invalid UTF-8) exactly as PHP does.
 */

// eslint-disable-next-line no-control-regex -- byte ranges are the point here
const NON_ASCII = /[^\x00-\x7f]/;

type Latin1Buffer = Buffer & { latin1Slice?(start: number, end: number): string; latin1Write?(text: string, offset: number): number };
const hasLatin1Slice = typeof (Buffer.prototype as Latin1Buffer).latin1Slice === 'function';
const hasLatin1Write = typeof (Buffer.prototype as Latin1Buffer).latin1Write === 'function';

/**
 * `buffer.toString('latin1', start, end)`, through Buffer's own `latin1Slice` (where toString ends up)
 * when Node has it, skipping the encoding dispatch: this runs for every encoded or decoded value.
 */
export function latin1String(buffer: Buffer, start: number, end: number): string {
  return hasLatin1Slice ? (buffer as Latin1Buffer & { latin1Slice(start: number, end: number): string }).latin1Slice(start, end) : buffer.toString('latin1', start, end);
}

/** `buffer.write(text, offset, 'latin1')`, through Buffer's own `latin1Write` when Node has it. */
export function writeLatin1(buffer: Buffer, text: string, offset: number): number {
  return hasLatin1Write ? (buffer as Latin1Buffer & { latin1Write(text: string, offset: number): number }).latin1Write(text, offset) : buffer.write(text, offset, 'latin1');
}

let scratchBuffer = Buffer.allocUnsafe(4096);

/** A reusable buffer of at least `size` bytes; its contents are only valid until the next call. */
function scratch(size: number): Buffer {
  if (scratchBuffer.length < size) scratchBuffer = Buffer.allocUnsafe(Math.max(size, scratchBuffer.length * 2));
  return scratchBuffer;
}

/** UTF-16 text → UTF-8 byte string. ASCII text is returned as is. */
export function toBytes(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/** Whether text is all ASCII (then it is its own UTF-8 byte string). */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Byte string → text (UTF-8 decoded; invalid sequences become U+FFFD). */
export function fromBytes(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

const HEX = '0123456789ABCDEF';
const HEX_CODES = Uint8Array.from(HEX, (char) => char.charCodeAt(0));
const ENCODED: string[] = Array.from({ length: 256 }, (_, byte) => '%' + HEX[byte >> 4] + HEX[byte & 15]);
const RAW_UNRESERVED = new Uint8Array(256);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~') RAW_UNRESERVED[char.charCodeAt(0)] = 1;
const FORM_RESERVED = /[^A-Za-z0-9\-_.]/g;

/** PHP `rawurlencode` (RFC 3986: everything but `A-Za-z0-9-_.~` is %XX). Hot path: a table lookup per byte. */
export function rawurlencode(bytes: string): string {
  if (typeof bytes !== 'string') return rawurlencodeLoose(bytes);
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const code = bytes.charCodeAt(i);
    if (code > 255 || RAW_UNRESERVED[code] !== 1) break;
    i++;
  }
  if (i === length) return bytes;
  const out = scratch(i + (length - i) * 3);
  let at = out.write(bytes, 0, i, 'latin1');
  for (; i < length; i++) {
    const code = bytes.charCodeAt(i);
    if (code < 256 && RAW_UNRESERVED[code] === 1) {
      out[at++] = code;
    } else {
      // Like PHP on a byte string; a char above 255 (not a byte string) is encoded by its low byte.
      out[at] = 37;
      out[at + 1] = HEX_CODES[(code >> 4) & 15];
      out[at + 2] = HEX_CODES[code & 15];
      at += 3;
    }
  }
  return latin1String(out, 0, at);
}

/** The slice-and-join encoder, for callers that pass something other than a string. */
function rawurlencodeLoose(bytes: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    if (code < 256 && RAW_UNRESERVED[code] === 1) continue;
    if (i > last) out += bytes.slice(last, i);
    out += ENCODED[code & 0xff];
    last = i + 1;
  }
  return last === 0 ? bytes : out + bytes.slice(last);
}

/** PHP `urlencode` (as `http_build_query` uses it: space → `+`, `~` encoded). */
export function urlencode(bytes: string): string {
  return bytes.replace(FORM_RESERVED, (char) => (char === ' ' ? '+' : ENCODED[char.charCodeAt(0) & 0xff]));
}

const HEX_VALUE = new Int8Array(256).fill(-1);
for (let digit = 0; digit < 16; digit++) {
  HEX_VALUE[HEX.charCodeAt(digit)] = digit;
  HEX_VALUE[HEX.toLowerCase().charCodeAt(digit)] = digit;
}

/** PHP `rawurldecode`: %XX → byte; `+` stays `+`; malformed escapes stay as they are. */
export function rawurldecode(bytes: string): string {
  const first = bytes.indexOf('%');
  if (first === -1) return bytes;
  const length = bytes.length;
  const out = scratch(length);
  let at = 0;
  for (let i = 0; i < length; i++) {
    const code = bytes.charCodeAt(i);
    if (code > 255) return rawurldecodeText(bytes);
    if (code === 37 && i + 2 < length) {
      const high = HEX_VALUE[bytes.charCodeAt(i + 1) & 0xff];
      const low = HEX_VALUE[bytes.charCodeAt(i + 2) & 0xff];
      if (high !== -1 && low !== -1 && bytes.charCodeAt(i + 1) < 256 && bytes.charCodeAt(i + 2) < 256) {
        out[at++] = (high << 4) | low;
        i += 2;
        continue;
      }
    }
    out[at++] = code;
  }
  return latin1String(out, 0, at);
}

/** `rawurldecode` for strings that are not byte strings (chars above 255 are kept as they are). */
function rawurldecodeText(text: string): string {
  let out = '';
  let last = 0;
  let at = text.indexOf('%');
  while (at !== -1 && at + 2 < text.length) {
    const highCode = text.charCodeAt(at + 1);
    const lowCode = text.charCodeAt(at + 2);
    const high = highCode < 256 ? HEX_VALUE[highCode] : -1;
    const low = lowCode < 256 ? HEX_VALUE[lowCode] : -1;
    if (high !== -1 && low !== -1) {
      out += text.slice(last, at) + String.fromCharCode((high << 4) | low);
      last = at + 3;
      at = text.indexOf('%', last);
    } else {
      at = text.indexOf('%', at + 1);
    }
  }
  return out + text.slice(last);
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
  return mayBeNumeric(value.charCodeAt(0)) && NUMERIC_STRING.test(value);
}

/** Whether a numeric string can start with this char: whitespace, a sign, a dot or a digit. */
function mayBeNumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46 || code === 32 || (code >= 9 && code <= 13);
}

const INTEGER_KEY = /^(?:0|-?[1-9]\d*)$/;

/** Whether PHP turns this array key into an integer key (canonical decimal integer in range). */
export function isIntegerArrayKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (!((first >= 48 && first <= 57) || first === 45)) return false;
  if (!INTEGER_KEY.test(key) || key === '-0') return false;
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

/** Sorts string keys as PHP 8 `ksort` does; byte order unless two keys are both numeric strings. */
export function sortPhpKeys(keys: string[]): string[] {
  let numeric = 0;
  for (const key of keys) if (isNumericString(key)) numeric++;
  // Byte order is a total order on distinct keys, so any sort gives the one result.
  return numeric < 2 ? sortStrings(keys) : keys.sort(comparePhpKeys);
}

/** Sorts strings by code unit (byte order for byte strings); insertion sort for the few keys of most requests. */
export function sortStrings(strings: string[]): string[] {
  if (strings.length > 16) return strings.sort();
  for (let i = 1; i < strings.length; i++) {
    const current = strings[i];
    let j = i - 1;
    while (j >= 0 && strings[j] > current) {
      strings[j + 1] = strings[j];
      j--;
    }
    strings[j + 1] = current;
  }
  return strings;
}
