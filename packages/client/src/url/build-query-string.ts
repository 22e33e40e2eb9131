import { rawurlencode, toBytes } from '@magekit/php';
import { MagentoClientError } from '../errors/magento-client-error';

/** A query value: scalars, nested objects (`a[b]=…`) and arrays (`a[0]=…`). */
export type QueryValue =
  string | number | boolean | null | undefined | readonly QueryValue[] | { readonly [key: string]: QueryValue };

/**
 * Serialises query parameters the way Magento both parses and signs them unchanged
 * (docs/magento-behaviour.md §1.4, §7): keys and values `rawurlencode`d (brackets `%5B`/`%5D`, `+` → `%2B`),
 * nested objects as bracketed keys, arrays with explicit indexes (never `[]`: repeated keys are
 * signed with the last value only), `true`/`false` as `1`/`0`, null/undefined left out. Pure.
 *
 * @throws MagentoClientError `INVALID_INPUT` for a numeric top-level key (the current Magento line fails with HTTP 500 on those).
 */
export function buildQueryString(params: Readonly<Record<string, QueryValue>>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (/^\d+$/.test(key))
      throw new MagentoClientError(
        `Query key "${key}" is numeric: Magento 2.4.7+ fails with HTTP 500 verifying its signature.`,
        'INVALID_INPUT',
      );
    appendPairs(pairs, key, value);
  }
  return pairs.join('&');
}

function appendPairs(pairs: string[], key: string, value: QueryValue): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) return value.forEach((item, i) => appendPairs(pairs, `${key}[${i}]`, item));
  if (typeof value === 'object') {
    for (const [name, item] of Object.entries(value as Record<string, QueryValue>))
      appendPairs(pairs, `${key}[${name}]`, item);
    return;
  }
  const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  pairs.push(`${rawurlencode(toBytes(key))}=${rawurlencode(toBytes(text))}`);
}
