import { MagentoIntegrationError } from '../errors/magento-integration-error';
import {
  magentoIntegrationOptionsSchema,
  type MagentoIntegrationOptions,
  type ResolvedMagentoOptions,
} from './module-options';
import { listOptionProblems } from './option-schema';

/**
 * Validates the module options once against `magentoIntegrationOptionsSchema` and fills the
 * defaults (seconds become milliseconds; unset `tenants` means any tenant).
 *
 * @throws MagentoIntegrationError `INVALID_CONFIG` naming every missing or bad key in one message.
 */
export function resolveMagentoOptions(options: MagentoIntegrationOptions): ResolvedMagentoOptions {
  const parsed = magentoIntegrationOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new MagentoIntegrationError(
      `Invalid MagentoIntegrationModule options: ${listOptionProblems(parsed.error).join('; ')}.`,
      'INVALID_CONFIG',
      {
        hint: 'Fix the listed keys in the options passed to MagentoIntegrationModule.forRoot/forRootAsync.',
      },
    );
  }
  const { consumerWindowSeconds, signIn, throttle, tenants, requiredResources, apiTokens, ...rest } = parsed.data;
  return {
    ...rest,
    tenants: tenants ?? null,
    consumerWindowMs: consumerWindowSeconds * 1000,
    requiredResources: [...new Set(requiredResources)],
    signIn: { maxFailures: signIn.maxFailures, lockMs: signIn.lockSeconds * 1000 },
    throttle: {
      windowMs: throttle.windowSeconds * 1000,
      callback: throttle.callback,
      signIn: throttle.signIn,
      storage: throttle.storage ?? null,
    },
    apiTokens: { ...apiTokens, invalidation: apiTokens.invalidation ?? null },
  };
}
