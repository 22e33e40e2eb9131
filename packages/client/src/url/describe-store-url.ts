import { MagentoClientError } from '../errors/magento-client-error';
import { buildRestRoot, parseBaseUrl } from './build-rest-url';

/**
 * Which product a store URL belongs to: `saas` is Adobe Commerce as a Cloud Service; `paas` is
 * everything with Magento's own web API (Magento Open Source, Adobe Commerce on premises and on
 * cloud infrastructure), docs/magento-behaviour.md §11.
 */
export type StoreEdition = 'saas' | 'paas';

/** What a store base URL says about the store. */
export interface StoreUrlDescription {
  edition: StoreEdition;
  /** Scheme, host and port as `fetch` sends them. */
  origin: string;
  /**
   * Where `V1/…` paths go: `<origin>/<tenant>/` for SaaS (no `rest/`, no store code: the store is
   * the `Store` header), `<base>rest/` otherwise.
   */
  restRoot: string;
  /** SaaS: the tenant (instance) id, the one path segment of the base URL. */
  tenantId?: string;
  /** SaaS on Adobe's host: the region of `<region>[-<environment>].api.commerce.adobe.com`. */
  region?: string;
  /** SaaS on Adobe's host: a non-production environment such as `sandbox` (absent in production). */
  environment?: string;
}

/** Adobe's SaaS REST host, `<region>[-<environment>]` (docs/magento-behaviour.md §11.5). */
const SAAS_HOST = /^([a-z0-9]+)(?:-([a-z0-9-]+))?\.api\.commerce\.adobe\.com$/;
const TENANT_PATH = /^\/([A-Za-z0-9_-]+)\/?$/;
const SAAS_URL_HINT =
  'The REST base of Adobe Commerce as a Cloud Service is https://<region>.api.commerce.adobe.com/<tenant id>/ (the instance details in Commerce Cloud Manager show it); V1/… paths are appended by the client.';

/**
 * Tells the edition of a store from its base URL, and where its REST paths go. A host
 * `<region>.api.commerce.adobe.com` is SaaS; pass `edition` to say so for a SaaS-compatible store
 * on another host (e.g. a local sandbox). Pure.
 *
 * @example describeStoreUrl('https://na1.api.commerce.adobe.com/X2duJmy3FaTKf1Mmr4GiQY')
 * // { edition: 'saas', origin: 'https://na1.api.commerce.adobe.com', region: 'na1', tenantId: 'X2duJmy3FaTKf1Mmr4GiQY', restRoot: 'https://na1.api.commerce.adobe.com/X2duJmy3FaTKf1Mmr4GiQY/' }
 * @throws MagentoClientError `INVALID_INPUT` for a bad URL, or a SaaS URL whose path is not one tenant id.
 */
export function describeStoreUrl(baseUrl: string, edition?: StoreEdition): StoreUrlDescription {
  const parsed = parseBaseUrl(baseUrl);
  const [, region, environment] = SAAS_HOST.exec(parsed.hostname) ?? [];
  if ((edition ?? (region ? 'saas' : 'paas')) === 'paas')
    return { edition: 'paas', origin: parsed.origin, restRoot: buildRestRoot(baseUrl) };
  const tenantId = TENANT_PATH.exec(parsed.pathname)?.[1];
  if (!tenantId || /^V\d+$/i.test(tenantId) || tenantId === 'rest') {
    throw new MagentoClientError(
      `Not an Adobe Commerce as a Cloud Service base URL: ${JSON.stringify(baseUrl)} (expected one tenant id after the host).`,
      'INVALID_INPUT',
      { hint: SAAS_URL_HINT },
    );
  }
  const restRoot = `${parsed.origin}/${tenantId}/`;
  return {
    edition: 'saas',
    origin: parsed.origin,
    restRoot,
    tenantId,
    ...(region ? { region } : {}),
    ...(environment ? { environment } : {}),
  };
}
