import type { SignatureProfile } from '@magekit/oauth1';
import {
  DEFAULT_MAGENTO_VERSION,
  describeUnknownVersion,
  isMagentoVersion,
  type MagentoVersion,
} from './magento-versions';

/**
 * What a Magento release implies for the behaviour the sandbox covers: the defaults a store of that
 * release starts with (per-store and global settings still override them). Sources per field in
 * docs/magento-behaviour.md §8.
 */
export interface VersionProfile {
  version: MagentoVersion;
  /**
   * The OAuth signature code: `laminas` (`Laminas\OAuth\Http\Utility`, 2.4.4–2.4.6) or `latest`
   * (`Magento\Framework\Oauth\Helper\Utility`, docs/magento-behaviour.md §0).
   */
  signatureProfile: SignatureProfile;
  /**
   * `pageSize` given to a search that sends none; null: none (every row). `DefaultPageSizeSetter` sets it only
   * when `webapi/validation/input_limit_enabled` is on, which a stock install of all three releases leaves off.
   */
  defaultPageSize: number | null;
  /**
   * `Maximum SearchCriteria pageSize is %max` above this (the store setting `maxPageSize`). 300 is
   * `SearchCriteriaValidator`'s default once input limits are on; the sandbox keeps it on for every profile.
   */
  maxPageSize: number;
  /** `oauth/authentication_lock/max_failures_count` and `timeout` (`Integration\Model\Oauth\Token\RequestThrottler`). */
  tokenLockout: { maxFailures: number; seconds: number };
  /** `customer/password/lockout_failures` and `lockout_threshold` (minutes) (`Magento\Customer\Model\Authentication`). */
  customerLockout: { failures: number; minutes: number };
}

const COMMON = {
  defaultPageSize: null,
  maxPageSize: 300,
  tokenLockout: { maxFailures: 6, seconds: 1800 },
  customerLockout: { failures: 10, minutes: 10 },
} as const;

/** The profiles, from Magento's source of each release (docs/magento-behaviour.md §8). */
export const VERSION_PROFILES: Readonly<Record<MagentoVersion, VersionProfile>> = {
  '2.4.6-p1': { version: '2.4.6-p1', signatureProfile: 'laminas', ...COMMON },
  '2.4.7': { version: '2.4.7', signatureProfile: 'latest', ...COMMON },
  '2.4.8': { version: '2.4.8', signatureProfile: 'latest', ...COMMON },
};

/** The answer of `GET /magento_version` for every profile (`Magento\Version\Controller\Index\Index`: name/major.minor (edition)). */
export const MAGENTO_VERSION_ANSWER = 'Magento/2.4 (Community)';

/**
 * The profile of a release; undefined means the newest ({@link DEFAULT_MAGENTO_VERSION}).
 * @throws Error naming the supported versions for any other value
 */
export function resolveVersionProfile(version: unknown): VersionProfile {
  if (version === undefined) return VERSION_PROFILES[DEFAULT_MAGENTO_VERSION];
  if (!isMagentoVersion(version)) throw new Error(describeUnknownVersion(version));
  return VERSION_PROFILES[version];
}
