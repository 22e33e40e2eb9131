import { MagentoClientError } from '../errors/magento-client-error';
import type { MagentoClient } from '../rest/create-magento-client';
import type { RestRequest } from '../rest/prepare-request';
import type { AsyncAccepted } from './bulk-types';
import { parseAsyncResponse } from './parse-async-response';

/** An asynchronous call: a REST call (`POST`, `PUT` or `DELETE`) whose service runs later. */
export type AsyncRequest = Omit<RestRequest, 'mode' | 'form'>;

/** A bulk call: one operation per element of `items`, each what the synchronous route takes as its body. */
export interface BulkRequest extends Omit<RestRequest, 'mode' | 'form' | 'body'> {
  items: readonly unknown[];
}

/**
 * Sends `request` to `/rest/[<store>/]async/V1/…` (Magento_WebapiAsync, docs/magento-behaviour.md §4.10):
 * the store checks the route, the ACL and the input now, answers 202, and runs the service later in its
 * `async.operations.all` consumer. Track the result with {@link waitForBulk}.
 *
 * @throws MagentoClientError `INVALID_INPUT` for GET (Magento never runs GET asynchronously), the
 *   REST client's codes for the call, `INVALID_RESPONSE` for an answer that is not asynchronous.
 * @example
 * const { bulkUuid } = await sendAsync(client, { method: 'POST', path: '/V1/products', body: { product } });
 */
export async function sendAsync(client: MagentoClient, request: AsyncRequest): Promise<AsyncAccepted> {
  checkMethod(request.method);
  return parseAsyncResponse(await client.request({ ...request, mode: 'async' }));
}

/**
 * Sends `items` to `/rest/[<store>/]async/bulk/V1/…`: one operation per array element, keyed by its
 * index. Route parameters are not in a bulk path; their placeholder is `by` + the name
 * (`/V1/products/bySku`, see {@link bulkPath}) and each element carries its own value.
 *
 * @throws MagentoClientError `INVALID_INPUT` for GET, for `items` that is not an array, or for a
 *   path still holding a `:param`; the REST client's codes; `INVALID_RESPONSE`.
 * @example
 * await sendBulk(client, { method: 'PUT', path: bulkPath('/V1/products/:sku'), items: products.map((product) => ({ product })) });
 */
export async function sendBulk(client: MagentoClient, request: BulkRequest): Promise<AsyncAccepted> {
  checkMethod(request.method);
  const { items, ...rest } = request;
  if (!Array.isArray(items))
    throw new MagentoClientError('A bulk call needs items: an array with one entity per operation.', 'INVALID_INPUT');
  if (/\/:\w/.test(request.path))
    throw new MagentoClientError(`A bulk path has no :parameters: ${request.path}.`, 'INVALID_INPUT', {
      hint: "Use bulkPath('/V1/products/:sku') → /V1/products/bySku, and put each entity's sku in the entity itself.",
    });
  return parseAsyncResponse(await client.request({ ...rest, body: items, mode: 'async/bulk' }));
}

/**
 * The bulk route of a webapi.xml route (`Magento\WebapiAsync\Model\BulkServiceConfig`): every
 * `/:name` becomes `/by` + `Name`. Pure.
 * @example bulkPath('/V1/products/:sku/media/:entryId') // '/V1/products/bySku/media/byEntryId'
 */
export function bulkPath(route: string): string {
  return route.replace(/\/:(\w+)/g, (_whole, name: string) => `/by${name.charAt(0).toUpperCase()}${name.slice(1)}`);
}

function checkMethod(method: string): void {
  const upper = String(method ?? '').toUpperCase();
  if (upper === 'GET' || upper === 'HEAD')
    throw new MagentoClientError(`${upper} cannot be sent asynchronously.`, 'INVALID_INPUT', {
      hint: 'Magento answers "Specified request cannot be processed." (400) to an asynchronous GET; read synchronously.',
    });
}
