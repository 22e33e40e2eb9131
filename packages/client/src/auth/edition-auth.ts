import { MagentoClientError } from '../errors/magento-client-error';
import type { StoreEdition } from '../url/describe-store-url';
import type { AuthStrategy } from './auth-strategy';

const USE_IMS =
  'Use createImsAuth({ clientId, clientSecret, orgId }) with an OAuth Server-to-Server credential from Adobe Developer Console, or createBearerAuth with an IMS user access token.';

/** Why Adobe Commerce as a Cloud Service cannot take a strategy of this kind (docs/magento-behaviour.md §11.1). */
const NOT_IN_SAAS: Partial<Record<AuthStrategy['kind'], string>> = {
  oauth: 'has no integrations signed with OAuth 1.0a',
  'admin-token': 'issues no admin tokens',
  'customer-token': 'has no customer REST API and issues no customer tokens',
  guest: 'has no guest REST API: every call needs an IMS access token',
};

/**
 * Refuses an auth strategy the store's edition does not have: on SaaS only IMS tokens
 * (`ims`, or `bearer` with an IMS user token) authenticate REST calls. Pure.
 *
 * @throws MagentoClientError `SAAS_UNSUPPORTED` naming the strategy and what to use instead.
 */
export function checkAuthForEdition(auth: AuthStrategy, edition: StoreEdition): void {
  const reason = edition === 'saas' ? NOT_IN_SAAS[auth.kind] : undefined;
  if (reason === undefined) return;
  throw new MagentoClientError(
    `Adobe Commerce as a Cloud Service ${reason} (auth kind "${auth.kind}").`,
    'SAAS_UNSUPPORTED',
    { hint: USE_IMS },
  );
}

/**
 * The final error of a call refused with an IMS token (after the one refresh and re-send): with
 * a hint on what to check, from Adobe's troubleshooting list (docs/magento-behaviour.md §11.4).
 * Other errors are returned unchanged. Pure.
 */
export function explainImsRejection(error: unknown, auth: AuthStrategy): unknown {
  if (auth.kind !== 'ims' || !(error instanceof MagentoClientError) || error.hint !== undefined) return error;
  if (error.status !== 401 && error.status !== 403) return error;
  const hint =
    error.status === 401
      ? "The store refused a freshly issued IMS token: check that the credential is one of this instance's IMS organization and that its scopes include commerce.accs."
      : 'The store refused the IMS token with 403: check orgId (x-gw-ims-org-id) and that the credential has the permissions this call needs.';
  return new MagentoClientError(error.message, error.code, {
    status: error.status,
    magento: error.magento,
    cause: error,
    hint,
  });
}
