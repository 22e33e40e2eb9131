import type { SettingNames } from '@magekit/nest';

/** What the module's hints tell a user of the service to set: its environment variables (see the README's configuration table). */
export const ENV_SETTING_NAMES: SettingNames = {
  allowHttp: 'STORE_URL_ALLOW_HTTP=true',
  allowedNetworks: 'STORE_URL_ALLOWED_NETWORKS (e.g. 127.0.0.0/8 for this machine)',
  tenants: 'TENANT',
  throttle:
    'THROTTLE_CALLBACK_PER_ADDRESS, THROTTLE_CALLBACK_GLOBAL, THROTTLE_SIGN_IN_PER_ADDRESS or THROTTLE_SIGN_IN_GLOBAL',
  pendingStores: 'PENDING_STORES_PER_ADDRESS or PENDING_STORES_MAX',
  imsTokenUrl: 'IMS_TOKEN_URL',
};
