import { checkStoreCode, isMagentoClientError } from '@magekit/client';
import { CliError } from '../../cli-error';
import type { DoctorFlags } from './doctor-options';
import { IMS_CREDENTIALS_HINT } from './ims-credentials';

const OAUTH_FLAGS = [
  ['consumerKey', '--consumer-key'],
  ['consumerSecret', '--consumer-secret'],
  ['token', '--token'],
  ['tokenSecret', '--token-secret'],
] as const;

const IMS_FLAGS = [
  ['imsClientId', '--ims-client-id'],
  ['imsClientSecretFile', '--ims-client-secret-file'],
  ['imsClientSecretStdin', '--ims-client-secret-stdin'],
  ['imsOrgId', '--ims-org-id'],
  ['imsTokenUrl', '--ims-token-url'],
  ['imsScopes', '--ims-scopes'],
] as const;

/**
 * `--store` and `--index-php` for a SaaS tenant: the store view goes in the `Store` header
 * (docs/magento-behaviour.md §11.3), and its URLs have no `index.php`.
 *
 * @throws CliError `INVALID_INPUT` for `--index-php` or a store code the client refuses.
 */
export function readSaasStore(flags: DoctorFlags): string | undefined {
  if (flags.indexPhp)
    throw new CliError(
      '--index-php does not apply to Adobe Commerce as a Cloud Service: its REST URLs are <origin>/<tenant>/V1/….',
      'INVALID_INPUT',
    );
  if (flags.store === undefined) return undefined;
  try {
    return checkStoreCode(flags.store);
  } catch (error) {
    if (!isMagentoClientError(error)) throw error;
    throw new CliError(error.message, 'INVALID_INPUT', { hint: error.hint, cause: error });
  }
}

/**
 * Refuses the integration's OAuth flags for a SaaS tenant, which has no OAuth 1.0a integrations
 * (docs/magento-behaviour.md §11.1). The `MAGEKIT_*` variables are not read there, so they do not count.
 *
 * @throws CliError `INVALID_INPUT` naming the flags given.
 */
export function refuseOAuthFlags(flags: DoctorFlags): void {
  const given = OAUTH_FLAGS.filter(([name]) => flags[name] !== undefined).map(([, flag]) => flag);
  if (given.length > 0)
    throw new CliError(
      `Adobe Commerce as a Cloud Service has no OAuth 1.0a integrations: ${given.join(', ')} do not apply.`,
      'INVALID_INPUT',
      { hint: IMS_CREDENTIALS_HINT },
    );
}

/**
 * Refuses the IMS flags for a store that is not a SaaS tenant.
 *
 * @throws CliError `INVALID_INPUT` naming the flags given.
 */
export function refuseImsFlags(flags: DoctorFlags, storeUrl: string): void {
  const given = IMS_FLAGS.filter(([name]) => flags[name] !== undefined).map(([, flag]) => flag);
  if (given.length > 0)
    throw new CliError(
      `${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} for Adobe Commerce as a Cloud Service, and ${storeUrl} is not a SaaS URL.`,
      'INVALID_INPUT',
      {
        hint: "Give the tenant's REST base, https://<region>.api.commerce.adobe.com/<tenant id>/, or add --edition saas for a SaaS-compatible store on another host (a magekit sandbox started with --edition saas: <sandbox url><tenant>/).",
      },
    );
}
