import { SANDBOX_EDITIONS } from './saas-options';
import type { SaasEndpoints } from './saas-endpoints';

/**
 * The SaaS edition's lines of the start banner, in place of the REST, OAuth and admin-user lines:
 * the edition, the tenant's REST base and the `Store` header, the IMS token endpoint, the default
 * credential and the headers every call carries (docs/magento-behaviour.md §11.6).
 */
export function formatSaasBannerLines(url: string, saas: SaasEndpoints): string[] {
  const { credential } = saas;
  return [
    `  edition:           saas, Adobe Commerce as a Cloud Service (--edition ${SANDBOX_EDITIONS.join('|')}): no /rest/… or /oauth/…, no token, guest or customer routes`,
    `  REST:              ${saas.restBaseUrl}V1/…   (tenant ${saas.tenantId}; the Store header picks the store view: default, es_mx or all)`,
    `  IMS token:         POST ${saas.tokenUrl}   grant_type=client_credentials, client_id, client_secret, scope with commerce.accs; expires_in ${saas.tokenLifetimeSeconds} s`,
    `  IMS credential:    client id ${credential.clientId} / client secret ${credential.clientSecret} / org ${credential.orgId}   (more: POST ${url}sandbox/admin/ims/credentials)`,
    `  calls carry:       Authorization: Bearer <access token>, x-api-key: <client id>, x-gw-ims-org-id: <org> (optional)`,
  ];
}
