import type { RandomBytes } from '../common/clock';
import { readRawBody, type RawRequest } from '../common/http-request';
import { readRestBody } from '../rest/rest-body';
import { STORE_VIEWS } from '../stores/store-catalog';
import { toEntries, type PhpEntries } from './operation-input';
import { snakeCase } from './service-signatures';

/**
 * A bulk request's body as PHP's array: the elements of a JSON list keyed 0…n-1, or an object's
 * members. Read like any REST body (`Content-Type`, `Decoding error.`), a DELETE's too: the bulk
 * resolver merges a DELETE's body in (`Asynchronous\InputParamsResolver::getInputData()`), where
 * the synchronous one ignores it.
 *
 * @throws MagentoException 400 for a body Magento cannot read
 */
export function readBulkBody(req: RawRequest): PhpEntries {
  const asPost = Object.create(req, { method: { value: 'POST' } }) as RawRequest;
  const body = readRestBody(asPost);
  // A JSON list is its elements keyed 0…n-1 (PHP's `(array)` keeps the list), read from the text itself.
  const list = parseJsonList(readRawBody(req));
  return toEntries(list ?? body);
}

function parseJsonList(raw: string | null): unknown[] | null {
  if (raw === null || !raw.trimStart().startsWith('[')) return null;
  try {
    const decoded: unknown = JSON.parse(raw);
    return Array.isArray(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

/**
 * The route parameters a bulk element stands for: `/V1/products/bySku` has no `:sku` in its path,
 * so the handler of `/V1/products/:sku` gets the element's own `sku` (or its snake_case spelling)
 * when it is a scalar.
 */
export function bulkItemParams(routeUrl: string, item: Readonly<Record<string, unknown>>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name] of routeUrl.matchAll(/\/:(\w+)/g)) {
    const value = item[name] ?? item[snakeCase(name)];
    if (typeof value === 'string' || typeof value === 'number') params[name] = String(value);
  }
  return params;
}

/** `IdentityService::generateId()`: a random (version 4) UUID, lower-case. */
export function generateBulkUuid(randomBytes: RandomBytes): string {
  const bytes = Buffer.from(randomBytes(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The store id `StoreManager::getStore()->getId()` gives during the request, as the string the
 * database returns: the path's store view, the default store view without a code, `0` for `all`.
 */
export function storeIdFor(storeCode: string | null): string {
  if (storeCode === 'all') return '0';
  return String((STORE_VIEWS.find((view) => view.code === storeCode) ?? STORE_VIEWS[0]).id);
}
