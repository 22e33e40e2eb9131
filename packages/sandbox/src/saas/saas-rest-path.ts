import { MagentoException } from '../common/magento-exception';
import { STORE_CODES } from '../stores/store-catalog';

/** Magento's routing answer for a path no route matches (`Webapi\Controller\Rest\Router`). */
const NO_ROUTE = 'Request does not match any route.';

/** `StoreRepository::get()`'s `NoSuchEntityException` for an unknown store code (404). */
export const STORE_NOT_FOUND = "The store that was requested wasn't found. Verify the store and try again.";

/**
 * The `Store` header of a SaaS call (docs/magento-behaviour.md §11.3): a store view code, `all` for the
 * global scope, or null when absent or empty (the default store view, as `/rest/V1/…` on PaaS).
 *
 * @throws MagentoException 404 {@link STORE_NOT_FOUND} for another value (docs/magento-behaviour.md §11.6)
 */
export function readStoreHeader(value: string | string[] | undefined): string | null {
  const store = (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  if (store === '') return null;
  if (store !== 'all' && !STORE_CODES.includes(store)) throw new MagentoException(404, STORE_NOT_FOUND);
  return store;
}

/**
 * The Magento REST URI of a SaaS call: `/<tenant>/V1/…` becomes `/rest/[<store>/]V1/…`, and the SaaS
 * order of the asynchronous segments, `/V1/async/…` and `/V1/async/bulk/…`, becomes Magento's
 * `/rest/[<store>/]async[/bulk]/V1/…` (docs/magento-behaviour.md §4.1, §11.3). The query string is kept
 * as sent. `requestUri` must start with `/<tenantId>`. Pure.
 *
 * @throws MagentoException 404 `Request does not match any route.` for a path that does not start with
 *   a version segment (such as Magento's own order, `/async/V1/…`)
 */
export function toMagentoRestUri(requestUri: string, tenantId: string, store: string | null): string {
  const rest = requestUri.slice(tenantId.length + 1);
  const at = rest.indexOf('?');
  const path = at === -1 ? rest : rest.slice(0, at);
  const query = at === -1 ? '' : rest.slice(at);
  if (!/^\/V\d+(\/|$)/.test(path)) throw new MagentoException(404, NO_ROUTE);
  const prefix = store === null ? '/rest' : `/rest/${store}`;
  const async = /^\/(V\d+)\/(async\/bulk|async)(\/.*)?$/.exec(path);
  if (async !== null) return `${prefix}/${async[2]}/${async[1]}${async[3] ?? ''}${query}`;
  return `${prefix}${path}${query}`;
}
