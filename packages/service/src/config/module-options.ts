import type { KeyRingConfig, MagentoIntegrationOptions } from '@magekit/nest';
import type { ServiceConfig } from './service-config';
import { ENV_SETTING_NAMES } from './setting-names';

/**
 * The `MagentoIntegrationModule` options the service's configuration gives (keys, store-URL
 * guard, tenant, required resources, IMS token endpoint, the store list's answer cache, hints naming the environment variables):
 * what the service starts with and what `magekit stores add-saas` registers a store with, so both
 * follow the same rules. Request limits and the probe scheduler are added by the service.
 */
export function toModuleOptions(config: ServiceConfig, keys: KeyRingConfig): MagentoIntegrationOptions {
  return {
    encryption: keys,
    storeUrl: config.storeUrl,
    tenants: [config.tenant],
    requiredResources: config.requiredResources,
    ...(config.imsTokenUrl === null ? {} : { ims: { tokenUrl: config.imsTokenUrl } }),
    ...(config.adminListCacheMs === null ? {} : { admin: { listCacheMs: config.adminListCacheMs } }),
    settingNames: ENV_SETTING_NAMES,
  };
}
