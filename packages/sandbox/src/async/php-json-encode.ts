/**
 * PHP's `json_encode($value)` with no flags, as `Magento\Framework\Serialize\Serializer\Json::serialize()`
 * calls it, for values that came out of `json_decode($body, true)`:
 * - `/` is escaped as `\/`, every non-ASCII character as `\uXXXX` (lower-case hex, UTF-16 pairs above
 *   U+FFFF), control characters as `\b \f \n \r \t` or `\u00XX`;
 * - a PHP array is a list when its keys are 0..n-1 in order, so `{}` and `{"0":"a"}` come back as
 *   `[]` and `["a"]`;
 * - numbers as JavaScript writes them, which is what PHP writes for integers and for floats with
 *   `serialize_precision = -1` (`10.0` is `10`) except in exponent form (`1e+25` here, `1.0e+25` in PHP).
 *
 * Object keys keep JavaScript's order, so a decoded object with integer-like keys that were not
 * ascending in the request is written in ascending order (PHP keeps the request's order).
 */
export function phpJsonEncode(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : '0';
  if (typeof value === 'string') return encodeString(value);
  if (Array.isArray(value)) return `[${value.map(phpJsonEncode).join(',')}]`;
  if (typeof value === 'object') return encodeArray(value as Record<string, unknown>);
  return 'null';
}

function encodeArray(record: Record<string, unknown>): string {
  const keys = Object.keys(record);
  if (keys.every((key, index) => key === String(index)))
    return `[${keys.map((key) => phpJsonEncode(record[key])).join(',')}]`;
  return `{${keys.map((key) => `${encodeString(key)}:${phpJsonEncode(record[key])}`).join(',')}}`;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function encodeString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += code === 0x7f ? char : `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}
