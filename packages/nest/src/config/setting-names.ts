import { z } from 'zod';
import { group } from './option-schema';

const settingName = z
  .string({ message: 'must be a name of 1-200 characters' })
  .min(1, 'must be a name of 1-200 characters')
  .max(200, 'must be a name of 1-200 characters');

/** The names hints use for settings a user can change (option `settingNames`); the defaults are the option paths. */
export const settingNamesSchema = group({
  /** Allowing http store URLs. */
  allowHttp: settingName.default('storeUrl.allowHttp: true'),
  /** Allow-listed networks. */
  allowedNetworks: settingName.default('storeUrl.allowedNetworks'),
  /** The accepted tenants. */
  tenants: settingName.default('the tenants option'),
  /** The request limits. */
  throttle: settingName.default('the throttle option'),
  /** The pending-store limits. */
  pendingStores: settingName.default('the pendingStores option'),
  /** The default IMS token endpoint. */
  imsTokenUrl: settingName.default('ims.tokenUrl'),
});

/** The names hints use for settings a user can change. */
export type SettingNames = z.output<typeof settingNamesSchema>;

/** The names hints use when the app gives none: the module's option paths. */
export const OPTION_SETTING_NAMES: SettingNames = settingNamesSchema.parse({});
