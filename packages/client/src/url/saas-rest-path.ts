import { MagentoClientError } from '../errors/magento-client-error';
import type { RestScope } from './build-rest-url';
import { checkRestPath } from './rest-path';

/**
 * The path of a call to Adobe Commerce as a Cloud Service: asynchronous and bulk calls put
 * `async/` or `async/bulk/` after the version segment (`/V1/async/bulk/products`), where
 * Magento's own web API puts them before it (docs/magento-behaviour.md §11.3). Pure.
 *
 * @throws MagentoClientError `INVALID_INPUT` for a path that is not encoded, or an asynchronous
 *   call whose path does not start with a version segment.
 */
export function buildSaasRestPath(path: string, mode: RestScope['mode'] = 'sync'): string {
  const checked = checkRestPath(path);
  if (mode === 'sync') return checked;
  const version = /^\/(V\d+)\//.exec(checked)?.[1];
  if (!version)
    throw new MagentoClientError(
      `An ${mode} call needs a path starting with a version, such as /V1/products: ${JSON.stringify(path)}.`,
      'INVALID_INPUT',
    );
  return `/${version}/${mode}${checked.slice(version.length + 1)}`;
}

/** Route families of Magento's web API that the SaaS REST API does not have, and why. */
const SAAS_MISSING: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/V\d+\/integration\//, 'admin, customer and integration token services'],
  [/^\/V\d+\/tfa\//, 'Two-Factor Auth token endpoints'],
  [/^\/V\d+\/guest-/, 'the guest REST API'],
  [/^\/V\d+\/customers\/me(\/|$)/, 'the customer REST API (customers/me)'],
  [/\/mine(\/|$)/, 'the customer REST API (…/mine)'],
];

/**
 * What a path belongs to when Adobe Commerce as a Cloud Service has no such route: token
 * services, 2FA, guest and customer (`me`/`mine`) APIs (docs/magento-behaviour.md §11.1), else
 * null. Other paths may or may not exist there; the store decides. Pure.
 */
export function findSaasMissingRoute(path: string): string | null {
  const bare = path.split('?', 1)[0];
  return SAAS_MISSING.find(([pattern]) => pattern.test(bare))?.[1] ?? null;
}
