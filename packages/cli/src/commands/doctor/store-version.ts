import { buildRestRoot, type RestScope } from '@magekit/client';
import type { ProbeDeps } from './store-probe';

/** The header a magekit sandbox store sends on every answer with its exact version profile. */
export const SANDBOX_VERSION_HEADER = 'x-magekit-sandbox-version';

/** What `magekit doctor` learnt of the store's release (the report's `version`). */
export interface StoreVersion {
  /**
   * The answer of `GET /magento_version`, e.g. `Magento/2.4 (Community)`: product name, major.minor
   * version and edition (`Magento\Version\Controller\Index\Index`); null when the store gives none
   * (module disabled, a 404, an empty body on a git-based install).
   */
  magento: string | null;
  /** The exact profile of a magekit sandbox store (its `X-Magekit-Sandbox-Version` header), else null. */
  sandboxProfile: string | null;
  /** The URL asked. */
  url: string;
}

/** `<base>[index.php/]magento_version`, the storefront route of `Magento_Version`. Pure. */
export function buildMagentoVersionUrl(baseUrl: string, scope: RestScope): string {
  return buildRestRoot(baseUrl, { indexPhp: scope.indexPhp }).replace(/rest\/$/, 'magento_version');
}

/** The body if it is `<name>/<major>.<minor> (<edition>)`, else null. Pure. */
export function readMagentoVersion(status: number, body: string): string | null {
  const text = body.trim();
  return status === 200 && /^\S+\/\d+\.\d+ \([^()]+\)$/.test(text) ? text : null;
}

/** Asks the store's `/magento_version`; never throws (no answer is a version of null). */
export async function fetchStoreVersion(baseUrl: string, scope: RestScope, deps: ProbeDeps): Promise<StoreVersion> {
  const url = buildMagentoVersionUrl(baseUrl, scope);
  try {
    const response = await deps.fetch(url, {
      method: 'GET',
      headers: { accept: 'text/html' },
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    const body = await response.text().catch(() => '');
    return {
      magento: readMagentoVersion(response.status, body),
      sandboxProfile: response.headers.get(SANDBOX_VERSION_HEADER),
      url,
    };
  } catch {
    return { magento: null, sandboxProfile: null, url };
  }
}

/**
 * The version of a SaaS tenant: none to ask (Adobe keeps the service up to date and its API host
 * serves only the REST API, no storefront route such as `/magento_version`); a magekit sandbox's
 * profile from the header of the answer to `url`. Pure.
 */
export function readSaasVersion(url: string, sandboxProfile: string | null | undefined): StoreVersion {
  return { magento: null, sandboxProfile: sandboxProfile ?? null, url };
}

/** The report's version line; `saas` for Adobe Commerce as a Cloud Service. Pure. */
export function describeStoreVersion(version: StoreVersion, saas = false): string {
  const magento = saas
    ? 'not asked (Adobe keeps Adobe Commerce as a Cloud Service up to date; its API host has no /magento_version)'
    : version.magento === null
      ? 'not shown (GET /magento_version gave no "Magento/<major.minor> (<edition>)")'
      : `${version.magento} (GET /magento_version)`;
  return version.sandboxProfile === null
    ? magento
    : `${magento}; a magekit sandbox store with the ${version.sandboxProfile} profile (X-Magekit-Sandbox-Version)`;
}
