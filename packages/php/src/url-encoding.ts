/**
 * PHP's percent-encoding (ext/standard/url.c) on byte strings: `rawurlencode`, `rawurldecode`,
 * `urlencode`, `urldecode`. Pass text through `toBytes` first; read results with `fromBytes`.
 */

const PERCENT = '%';
const PLUS = /\+/g;
const HEX_RADIX = 16;
const BYTE_VALUES = 256;
const BYTE_MASK = 0xff;
const ASCII_LIMIT = 0x80;
const ESCAPE_LENGTH = 3;
/** Kept by `rawurlencode` (RFC 3986 unreserved). */
const RAW_UNRESERVED = /[A-Za-z0-9\-_.~]/;
const RAW_RESERVED = /[^A-Za-z0-9\-_.~]/;
/** Kept by `urlencode` (`~` is encoded, a space becomes `+`). */
const FORM_UNRESERVED = /[A-Za-z0-9\-_.]/;
const SPACE_CODE = 0x20;
// eslint-disable-next-line no-control-regex -- byte ranges are the point here
const NON_ASCII = /[^\x00-\x7f]/;
/** What `encodeURIComponent` keeps and RFC 3986 reserves. */
const KEPT_BY_ENCODE_URI_COMPONENT = /[!'()*]/;
const KEPT_BY_ENCODE_URI_COMPONENT_ALL = /[!'()*]/g;

/** `%XX` of every byte. */
const ESCAPES: readonly string[] = Array.from(
  { length: BYTE_VALUES },
  (_, byte) => PERCENT + byte.toString(HEX_RADIX).toUpperCase().padStart(2, '0'),
);
/** `urlencode`'s table: a space is `+`. */
const FORM_ESCAPES: readonly string[] = ESCAPES.map((escape, byte) => (byte === SPACE_CODE ? '+' : escape));

function escapeChar(char: string): string {
  return ESCAPES[char.charCodeAt(0)];
}

function keptAscii(unreserved: RegExp): readonly boolean[] {
  return Array.from({ length: ASCII_LIMIT }, (_, code) => unreserved.test(String.fromCharCode(code)));
}
const RAW_KEPT = keptAscii(RAW_UNRESERVED);
const FORM_KEPT = keptAscii(FORM_UNRESERVED);

/** Every byte not `kept` replaced by its entry in `escapes`, in one pass. */
function escapeBytes(bytes: string, kept: readonly boolean[], escapes: readonly string[]): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    if (code < ASCII_LIMIT && kept[code]) continue;
    out += bytes.slice(copied, i) + escapes[code & BYTE_MASK];
    copied = i + 1;
  }
  return copied === 0 ? bytes : out + bytes.slice(copied);
}

/** PHP `rawurlencode` (RFC 3986): every byte but `A-Z a-z 0-9 - _ . ~` becomes `%XX`. */
export function rawurlencode(bytes: string): string {
  if (!RAW_RESERVED.test(bytes)) return bytes;
  if (NON_ASCII.test(bytes)) return escapeBytes(bytes, RAW_KEPT, ESCAPES);
  // On ASCII this is encodeURIComponent, which keeps `!'()*` too (native, so faster on long strings).
  const encoded = encodeURIComponent(bytes);
  return KEPT_BY_ENCODE_URI_COMPONENT.test(encoded)
    ? encoded.replace(KEPT_BY_ENCODE_URI_COMPONENT_ALL, escapeChar)
    : encoded;
}

/** PHP `urlencode` (what `http_build_query` uses): like `rawurlencode`, but a space is `+` and `~` is encoded. */
export function urlencode(bytes: string): string {
  return escapeBytes(bytes, FORM_KEPT, FORM_ESCAPES);
}

const NOT_HEX = -1;
const HEX_BITS = 4;
/** The value of each ASCII hex digit by char code, {@link NOT_HEX} for every other char. */
const HEX_VALUES: readonly number[] = Array.from({ length: ASCII_LIMIT }, (_, code) => {
  const value = parseInt(String.fromCharCode(code), HEX_RADIX);
  return Number.isNaN(value) ? NOT_HEX : value;
});

/** The byte a `%XX` escape at `at` stands for, or {@link NOT_HEX} when the two chars after `%` are not hex digits. */
function escapedByte(bytes: string, at: number): number {
  const high = HEX_VALUES[bytes.charCodeAt(at + 1)] ?? NOT_HEX;
  const low = HEX_VALUES[bytes.charCodeAt(at + 2)] ?? NOT_HEX;
  return high === NOT_HEX || low === NOT_HEX ? NOT_HEX : (high << HEX_BITS) | low;
}

/** PHP `rawurldecode`: `%XX` (any case) becomes that byte; `+` stays `+`; a malformed escape stays as it is. */
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

/** PHP `urldecode`: `+` becomes a space, then as {@link rawurldecode}. */
export function urldecode(bytes: string): string {
  return rawurldecode(bytes.includes('+') ? bytes.replace(PLUS, ' ') : bytes);
}
