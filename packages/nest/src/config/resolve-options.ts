import { findKeyRingProblems } from '../crypto/key-ring';
import { DEFAULT_SIGN_IN_LOCKOUT } from '../identity/sign-in-lockout';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { findStoreUrlProblems } from '../url-guard/store-url-policy';
import type { MagentoIntegrationOptions, ResolvedMagentoOptions, SettingNames } from './module-options';

/** The names hints use when the app gives none: the module's option paths. */
export const OPTION_SETTING_NAMES: SettingNames = {
  allowHttp: 'storeUrl.allowHttp: true',
  allowedNetworks: 'storeUrl.allowedNetworks',
  tenants: 'the tenants option',
  throttle: 'the throttle option',
  pendingStores: 'the pendingStores option',
};

/** What an ACL resource id looks like (`Vendor_Module::resource`). */
const ACL_ID = /^[A-Za-z0-9_]+::[A-Za-z0-9_]+$/;

/** What a tenant path segment may be. */
export const TENANT_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Validates the module options once and fills the defaults.
 *
 * @throws MagentoIntegrationError `INVALID_CONFIG` naming every missing or bad key in one message.
 */
export function resolveMagentoOptions(options: MagentoIntegrationOptions): ResolvedMagentoOptions {
  const problems = findOptionProblems(options);
  if (problems.length > 0) {
    throw new MagentoIntegrationError(`Invalid MagentoIntegrationModule options: ${problems.join('; ')}.`, 'INVALID_CONFIG', {
      hint: 'Fix the listed keys in the options passed to MagentoIntegrationModule.forRoot/forRootAsync.',
    });
  }
  return {
    encryption: options.encryption,
    storeUrl: options.storeUrl ?? {},
    tenants: options.tenants ?? null,
    consumerWindowMs: (options.consumerWindowSeconds ?? 300) * 1000,
    handshake: { timeoutMs: options.handshake?.timeoutMs ?? 10_000, maxAttempts: options.handshake?.maxAttempts ?? 4, baseDelayMs: options.handshake?.baseDelayMs ?? 1000 },
    probe: { path: options.probe?.path ?? '/V1/store/storeConfigs', intervalMs: options.probe?.intervalMs ?? 3_600_000, timeoutMs: options.probe?.timeoutMs ?? 15_000, scheduler: options.probe?.scheduler ?? 'timer' },
    storeClients: { maxConcurrency: options.storeClients?.maxConcurrency ?? 4 },
    sweepIntervalMs: options.sweepIntervalMs ?? 30_000,
    productName: options.productName ?? 'Sign in',
    requiredResources: [...new Set(options.requiredResources ?? [])],
    signIn: { maxFailures: options.signIn?.maxFailures ?? DEFAULT_SIGN_IN_LOCKOUT.maxFailures, lockMs: options.signIn?.lockSeconds !== undefined ? options.signIn.lockSeconds * 1000 : DEFAULT_SIGN_IN_LOCKOUT.lockMs },
    throttle: {
      windowMs: (options.throttle?.windowSeconds ?? 60) * 1000,
      callback: { perAddress: options.throttle?.callback?.perAddress ?? 10, global: options.throttle?.callback?.global ?? 120 },
      signIn: { perAddress: options.throttle?.signIn?.perAddress ?? 20, global: options.throttle?.signIn?.global ?? 300 },
      storage: options.throttle?.storage ?? null,
    },
    pendingStores: { perAddress: options.pendingStores?.perAddress ?? 10, max: options.pendingStores?.max ?? 500 },
    settingNames: { ...OPTION_SETTING_NAMES, ...options.settingNames },
  };
}

function findOptionProblems(options: MagentoIntegrationOptions): string[] {
  if (!options || typeof options !== 'object') return ['options must be an object'];
  const problems = [...findKeyRingProblems(options.encryption), ...findStoreUrlProblems(options.storeUrl)];
  if (options.tenants !== undefined && (!Array.isArray(options.tenants) || options.tenants.some((tenant) => !TENANT_PATTERN.test(tenant)))) {
    problems.push('tenants must be an array of 1-64 letters, digits, _ or -');
  }
  checkInteger(problems, 'consumerWindowSeconds', options.consumerWindowSeconds, 1);
  checkInteger(problems, 'handshake.timeoutMs', options.handshake?.timeoutMs, 1);
  checkInteger(problems, 'handshake.maxAttempts', options.handshake?.maxAttempts, 1);
  checkInteger(problems, 'handshake.baseDelayMs', options.handshake?.baseDelayMs, 0);
  checkInteger(problems, 'probe.intervalMs', options.probe?.intervalMs, 0);
  checkInteger(problems, 'probe.timeoutMs', options.probe?.timeoutMs, 1);
  const scheduler = options.probe?.scheduler;
  if (scheduler !== undefined && scheduler !== 'timer' && scheduler !== 'external') problems.push('probe.scheduler must be "timer" or "external"');
  checkInteger(problems, 'storeClients.maxConcurrency', options.storeClients?.maxConcurrency, 1);
  checkInteger(problems, 'sweepIntervalMs', options.sweepIntervalMs, 0);
  checkInteger(problems, 'signIn.maxFailures', options.signIn?.maxFailures, 1);
  checkInteger(problems, 'signIn.lockSeconds', options.signIn?.lockSeconds, 1);
  checkInteger(problems, 'throttle.windowSeconds', options.throttle?.windowSeconds, 1);
  for (const route of ['callback', 'signIn'] as const) {
    checkInteger(problems, `throttle.${route}.perAddress`, options.throttle?.[route]?.perAddress, 1);
    checkInteger(problems, `throttle.${route}.global`, options.throttle?.[route]?.global, 1);
  }
  checkInteger(problems, 'pendingStores.perAddress', options.pendingStores?.perAddress, 1);
  checkInteger(problems, 'pendingStores.max', options.pendingStores?.max, 1);
  const path = options.probe?.path;
  if (path !== undefined && (typeof path !== 'string' || !/^\/V1\/[^?#\s]*$/.test(path))) problems.push('probe.path must start with /V1/ (e.g. /V1/store/storeConfigs)');
  const resources = options.requiredResources;
  if (resources !== undefined && (!Array.isArray(resources) || resources.length > 200 || resources.some((id) => typeof id !== 'string' || !ACL_ID.test(id)))) {
    problems.push('requiredResources must be an array of at most 200 ACL ids such as Magento_Sales::actions_view');
  }
  const names = options.settingNames;
  if (names !== undefined && (names === null || typeof names !== 'object' || Object.values(names).some((name) => typeof name !== 'string' || name.length === 0 || name.length > 200))) {
    problems.push('settingNames must map setting keys to names of 1-200 characters');
  }
  if (options.productName !== undefined && (typeof options.productName !== 'string' || options.productName.length > 100)) problems.push('productName must be a string of at most 100 characters');
  return problems;
}

function checkInteger(problems: string[], name: string, value: unknown, min: number): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < min)) problems.push(`${name} must be an integer >= ${min}`);
}
