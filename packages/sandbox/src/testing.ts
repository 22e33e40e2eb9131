/**
 * `@magekit/sandbox/testing`: start a sandbox store in-process for tests, and drive its admin API.
 */
import { createSandboxApp, type ListenOptions, type SandboxApp } from './create-sandbox-app';
import type { SandboxInput } from './config/sandbox-options';
import { SandboxAdminClient } from './admin/sandbox-admin.client';
import { describeSaasEndpoints, type SaasEndpoints } from './saas/saas-endpoints';
import { resolveSaasOptions } from './saas/saas-options';

export { SandboxAdminClient, SandboxAdminError, type CreateIntegrationInput } from './admin/sandbox-admin.client';
export type { PermissionsDialogView, RequestedResource } from './admin/permissions-dialog';
export type { ConsumerPostFailure } from './integrations/consumer-post';
export type { ActivationResult, DirectActivation, HandshakeActivation } from './integrations/activation.service';
export type { IntegrationView } from './integrations/integration.service';
export type { StoreSettings, GlobalSettings } from './settings/store-settings';
export type { ActivityEvent } from './admin/activity-log.service';
export type { SandboxInput, SandboxOptions } from './config/sandbox-options';
export type { PhpFpmPool, PhpFpmPoolOptions, PhpFpmPoolSettings, PhpFpmPoolStats } from './common/php-fpm-pool';
export { OperationConsumerService } from './async/operation-consumer.service';
export type { ImsCredentialInput, ImsCredentialPatch } from './saas/ims-credential-input';
export type { ImsCredentialView } from './saas/ims-credentials.service';
export {
  imsAuthOptions,
  describeSaasEndpoints,
  type EditionView,
  type SaasEndpoints,
  type SandboxImsAuthOptions,
} from './saas/saas-endpoints';
export {
  DEFAULT_IMS_CREDENTIAL,
  DEFAULT_TENANT_ID,
  IMS_COMMERCE_SCOPES,
  IMS_TOKEN_LIFETIME_SECONDS,
  type ImsCredentialSeed,
  type SaasInput,
  type SandboxEdition,
} from './saas/saas-options';
export {
  MAGENTO_VERSIONS,
  DEFAULT_MAGENTO_VERSION,
  SANDBOX_VERSION_HEADER,
  type MagentoVersion,
} from './version/magento-versions';
export { VERSION_PROFILES, MAGENTO_VERSION_ANSWER, type VersionProfile } from './version/version-profile';
export {
  ADMIN_USERNAME,
  ADMIN_PASSWORD,
  CUSTOMER_PASSWORD,
  ADMIN_TFA_SECRET,
  SEEDED_SLASH_SKU,
  SEEDED_PLUS_SKU,
  DEFAULT_SEED_COUNTS,
} from './seed/seed-options';

/** A sandbox started by {@link startSandbox}. */
export interface RunningSandbox extends SandboxApp {
  /** The admin API, authenticated. */
  admin: SandboxAdminClient;
  adminToken: string;
  /** The SaaS edition's REST base, token endpoint and default credential; null in the PaaS edition. */
  saas: SaasEndpoints | null;
}

/**
 * Starts a sandbox store on a free loopback port with an in-memory database and a small seed
 * (unless given), ready for a test. Close it in `afterAll`. `{ edition: 'saas' }` starts the Adobe
 * Commerce as a Cloud Service edition (`saas` then says where it answers); `{ phpFpm: { latencyMs: 50,
 * workers: 4 } }` puts a simulated PHP-FPM pool in front of it.
 */
export async function startSandbox(options: SandboxInput = {}, listen: ListenOptions = {}): Promise<RunningSandbox> {
  const started = await createSandboxApp(
    { database: ':memory:', seed: { products: 50, customers: 5, orders: 10 }, ...options },
    { port: 0, logger: false, ...listen },
  );
  return {
    ...started,
    adminToken: started.options.adminToken,
    admin: new SandboxAdminClient(started.baseUrl, started.options.adminToken),
    saas:
      started.options.edition === 'saas'
        ? describeSaasEndpoints(started.baseUrl, resolveSaasOptions(started.options.saas))
        : null,
  };
}
