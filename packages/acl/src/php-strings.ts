/** Small re-implementations of the PHP string functions Magento's router relies on. */

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * PHP `urldecode()`: `+` becomes a space, `%XX` (valid hex) becomes that byte, any other `%` stays.
 * The bytes are read back as UTF-8 (invalid sequences become U+FFFD). Values without `%`, and values
 * whose escapes are all ASCII (and have no `+`), are decoded directly; others take the byte-wise path.
 */
export function decodePhpUrl(value: string): string {
  let percent = value.indexOf('%');
  const plus = value.indexOf('+');
  if (percent === -1) return plus === -1 ? value : value.replace(/\+/g, ' ');
  if (plus !== -1) return decodeBytes(value);
  let out = '';
  let last = 0;
  do {
    const high = hexValue(value.charCodeAt(percent + 1));
    const low = hexValue(value.charCodeAt(percent + 2));
    if (high < 0 || high > 7 || low < 0) return decodeBytes(value); // not an ASCII escape
    out += value.slice(last, percent) + String.fromCharCode(high * 16 + low);
    last = percent + 3;
    percent = value.indexOf('%', last);
  } while (percent !== -1);
  return out + value.slice(last);
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return -1;
}

function decodeBytes(value: string): string {
  try {
    // Same result as PHP whenever every escape is valid hex and the bytes are valid UTF-8.
    return decodeURIComponent(value.indexOf('+') === -1 ? value : value.replace(/\+/g, ' '));
  } catch {
    // A lone `%` or bytes that are not UTF-8: decode byte by byte below.
  }
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch === 0x2b) bytes.push(0x20);
    else if (ch === 0x25 && i + 2 < value.length && isHex(value.charCodeAt(i + 1)) && isHex(value.charCodeAt(i + 2))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch < 0x80) bytes.push(ch);
    else {
      const cp = value.codePointAt(i) as number;
      bytes.push(...encoder.encode(String.fromCodePoint(cp)));
      if (cp > 0xffff) i++;
    }
  }
  return utf8.decode(Uint8Array.from(bytes));
}

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

/** PHP 8 `is_numeric()` for strings. */
export function isPhpNumericString(value: string): boolean {
  return NUMERIC.test(value);
}

/** PHP 8 loose `==` between two strings: numeric strings compare as numbers, others byte for byte. */
export function equalsPhpLoose(a: string, b: string): boolean {
  if (a === b) return true;
  return isPhpNumericString(a) && isPhpNumericString(b) && Number(a.trim()) === Number(b.trim());
}

/** PHP `strcmp()` sign (byte order of the UTF-8 encodings), as used by `ksort(SORT_STRING)`. */
export function compareBytes(a: string, b: string): number {
  if (isAscii(a) && isAscii(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** PHP `trim($value, '/')`. */
export function trimSlashes(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) === 0x2f) start++;
  while (end > start && value.charCodeAt(end - 1) === 0x2f) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}
