import { fromBytes, toBytes, urldecode } from '@magekit/php';

/**
 * Parses an `application/x-www-form-urlencoded` body (PHP `http_build_query` output): pairs split
 * on `&`, `+` is a space, percent-escapes decoded (malformed ones kept as written). Later
 * duplicates win, as in PHP's `parse_str`. Pure.
 */
export function parseFormBody(body: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = decodeFormComponent(at < 0 ? pair : pair.slice(0, at));
    out.set(name, at < 0 ? '' : decodeFormComponent(pair.slice(at + 1)));
  }
  return out;
}

/** Decodes one form component as PHP's `urldecode` does (`+` → space, percent-escapes), read as UTF-8. */
export function decodeFormComponent(text: string): string {
  return fromBytes(urldecode(toBytes(text)));
}
