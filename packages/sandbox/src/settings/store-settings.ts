import type { SignatureProfile } from '@magekit/oauth1';
import type { VersionProfile } from '../version/version-profile';

/** A burst of injected HTTP errors: the next `remaining` requests to the store get `status`. */
export interface FaultBurst {
  status: 429 | 503;
  remaining: number;
  retryAfterSeconds: number;
}

/** Per-store signature profile, limits and faults (admin API `PUT /sandbox/admin/stores/:code/settings`). */
export interface StoreSettings {
  /** Which Magento signature code verifies requests. */
  signatureProfile: SignatureProfile;
  /** Added to every request of the store. */
  latencyMs: number;
  burst: FaultBurst | null;
  /** Drop the `Authorization` header (Apache without `SetEnvIf Authorization`): callers become guests. */
  stripAuthorization: boolean;
  /** Seconds added to the store's clock (timestamp window, consumer window, JWT times, `Date`). */
  clockOffsetSeconds: number;
  /** Magento 2.4.x: `currentPage` past the last page returns the last page again. */
  repeatLastPage: boolean;
  /** `pageSize` above this is refused (`Maximum SearchCriteria pageSize is %max`); 0: no limit. */
  maxPageSize: number;
  /** `oauth/consumer/enable_integration_as_bearer`. */
  integrationAsBearer: boolean;
}

/** Settings of the whole sandbox (admin API `PUT /sandbox/admin/settings`). */
export interface GlobalSettings {
  /** Magento_TwoFactorAuth enabled for admin tokens. */
  twoFactorAuth: boolean;
  /** `webapi/jwtauth/admin_expiration` (minutes). */
  adminTokenTtlMinutes: number;
  /** `webapi/jwtauth/customer_expiration` (minutes). */
  customerTokenTtlMinutes: number;
  /** `oauth/authentication_lock/max_failures_count`. */
  lockoutMaxFailures: number;
  /** `oauth/authentication_lock/timeout` (seconds). */
  lockoutSeconds: number;
  /** `customer/password/lockout_failures`: a customer's wrong passwords before the customer is locked; 0: never. */
  customerLockoutFailures: number;
  /** `customer/password/lockout_threshold` (minutes): how long that lock lasts; 0: never locked. */
  customerLockoutMinutes: number;
}

/** The store settings of the newest version profile (2.4.8); {@link storeDefaults} gives any profile's. */
export const DEFAULT_STORE_SETTINGS: StoreSettings = {
  signatureProfile: 'latest',
  latencyMs: 0,
  burst: null,
  stripAuthorization: false,
  clockOffsetSeconds: 0,
  repeatLastPage: true,
  maxPageSize: 300,
  integrationAsBearer: false,
};

/** The global settings of the newest version profile; {@link globalDefaults} gives any profile's. */
export const DEFAULT_GLOBAL_SETTINGS: GlobalSettings = {
  twoFactorAuth: false,
  adminTokenTtlMinutes: 60,
  customerTokenTtlMinutes: 60,
  lockoutMaxFailures: 6,
  lockoutSeconds: 1800,
  customerLockoutFailures: 10,
  customerLockoutMinutes: 10,
};

/** What a store of this Magento version starts with, before its own settings. */
export function storeDefaults(profile: VersionProfile): StoreSettings {
  return { ...DEFAULT_STORE_SETTINGS, signatureProfile: profile.signatureProfile, maxPageSize: profile.maxPageSize };
}

/** The global settings this Magento version starts with, before `PUT /sandbox/admin/settings`. */
export function globalDefaults(profile: VersionProfile): GlobalSettings {
  return {
    ...DEFAULT_GLOBAL_SETTINGS,
    lockoutMaxFailures: profile.tokenLockout.maxFailures,
    lockoutSeconds: profile.tokenLockout.seconds,
    customerLockoutFailures: profile.customerLockout.failures,
    customerLockoutMinutes: profile.customerLockout.minutes,
  };
}
