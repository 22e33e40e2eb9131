import { describeStoreUrl, isMagentoClientError, type StoreEdition } from '@magekit/client';
import { CliError } from '../../cli-error';

/** An Adobe Commerce as a Cloud Service tenant as the report shows it (docs/magento-behaviour.md §11.3, §11.5). */
export interface SaasTarget {
  /** The tenant (instance) id, the one path segment of the REST base. */
  tenantId: string;
  /** The region of `<region>[-<environment>].api.commerce.adobe.com`, or null on another host. */
  region: string | null;
  /** A non-production environment such as `sandbox`, or null. */
  environment: string | null;
  /** Where `V1/…` paths go: `<origin>/<tenant>/`. */
  restBaseUrl: string;
  /** `url`: Adobe's SaaS host; `--edition`: declared for a SaaS-compatible store on another host. */
  recognisedFrom: 'url' | '--edition';
}

/** The editions `--edition` takes. */
export const DOCTOR_EDITIONS: readonly StoreEdition[] = ['paas', 'saas'];

const SAAS_URL_HINT =
  'Give the REST base of the tenant: https://<region>.api.commerce.adobe.com/<tenant id>/, or for a SaaS-compatible store on another host (a magekit sandbox) its <origin>/<tenant id>/ with --edition saas.';

const EDITION_HINT =
  "paas is Magento Open Source / Adobe Commerce (OAuth integrations, <base>rest/V1/…); saas is Adobe Commerce as a Cloud Service (IMS tokens, <origin>/<tenant>/V1/…), told from the URL on Adobe's host.";

/** The `--edition` flag: undefined (tell from the URL), `paas` or `saas`. */
export function readEditionFlag(raw: string | undefined): StoreEdition | undefined {
  if (raw === undefined || (DOCTOR_EDITIONS as readonly string[]).includes(raw)) return raw as StoreEdition | undefined;
  throw new CliError(
    `--edition must be one of ${DOCTOR_EDITIONS.join(', ')} (got ${JSON.stringify(raw)}).`,
    'INVALID_INPUT',
    { hint: EDITION_HINT },
  );
}

/**
 * The SaaS tenant a store URL names: on Adobe's host `<region>.api.commerce.adobe.com` (or with
 * `--edition saas` on any host) as `describeStoreUrl` of @magekit/client reads it; null for every other
 * URL, which the PaaS checks read and refuse as they always did. Pure.
 *
 * @throws CliError `INVALID_INPUT` for a SaaS URL whose path is not one tenant id (with the client's hint).
 */
export function readSaasTarget(storeUrl: string, edition: StoreEdition | undefined): SaasTarget | null {
  if (edition === 'paas') return null;
  let described: ReturnType<typeof describeStoreUrl>;
  try {
    described = describeStoreUrl(storeUrl, edition);
  } catch (error) {
    if (!isMagentoClientError(error)) throw error;
    // A URL that is no base URL at all is the PaaS reader's to refuse, with its message, unless SaaS was declared.
    if (edition !== 'saas' && !isBaseUrl(storeUrl)) return null;
    throw new CliError(error.message, 'INVALID_INPUT', { hint: error.hint ?? SAAS_URL_HINT, cause: error });
  }
  if (described.edition !== 'saas' || described.tenantId === undefined) return null;
  return {
    tenantId: described.tenantId,
    region: described.region ?? null,
    environment: described.environment ?? null,
    restBaseUrl: described.restRoot,
    recognisedFrom: described.region === undefined ? '--edition' : 'url',
  };
}

function isBaseUrl(storeUrl: string): boolean {
  try {
    describeStoreUrl(storeUrl, 'paas');
    return true;
  } catch {
    return false;
  }
}

/** The report's edition line. Pure. */
export function describeSaasTarget(target: SaasTarget): string {
  const where = [
    target.region === null ? null : `region ${target.region}`,
    target.environment === null ? null : `environment ${target.environment}`,
    `tenant ${target.tenantId}`,
  ].filter((part) => part !== null);
  const how = target.recognisedFrom === 'url' ? 'told by the host' : 'declared with --edition saas';
  return `Adobe Commerce as a Cloud Service (SaaS), ${where.join(', ')} (${how})`;
}
