/**
 * PHP `rawurlencode` (RFC 3986): everything but `A-Z a-z 0-9 - _ . ~` is percent-encoded as UTF-8,
 * so `/` → `%2F`, `+` → `%2B`, space → `%20`, `[` → `%5B`. Pure.
 */
export function rawurlencode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => '%' + char.charCodeAt(0).toString(16).toUpperCase());
}
