import {
  DEFAULT_GLOBAL_SETTINGS,
  DEFAULT_STORE_SETTINGS,
  globalDefaults,
  storeDefaults,
} from '../settings/store-settings';
import { validateGlobalSettings } from '../settings/settings-validation';
import { resolveOptions } from '../config/sandbox-options';
import { DEFAULT_MAGENTO_VERSION, isMagentoVersion, MAGENTO_VERSIONS } from './magento-versions';
import { resolveVersionProfile, VERSION_PROFILES } from './version-profile';

describe('Magento version profiles', () => {
  it('the default is the newest version', () => {
    expect(DEFAULT_MAGENTO_VERSION).toBe(MAGENTO_VERSIONS[MAGENTO_VERSIONS.length - 1]);
    expect(resolveVersionProfile(undefined)).toBe(VERSION_PROFILES['2.4.8']);
    expect(resolveOptions({}).magentoVersion).toBe('2.4.8');
  });

  it.each([
    ['2.4.6-p1', 'laminas'],
    ['2.4.7', 'latest'],
    ['2.4.8', 'latest'],
  ] as const)('%s verifies signatures with the %s profile', (version, signatureProfile) => {
    expect(resolveVersionProfile(version)).toMatchObject({ version, signatureProfile });
    expect(storeDefaults(resolveVersionProfile(version)).signatureProfile).toBe(signatureProfile);
  });

  it.each(MAGENTO_VERSIONS)(
    '%s: no default page size, maximum 300, token lock 6 × 1800 s, customer lock 10 × 10 min',
    (version) => {
      const profile = resolveVersionProfile(version);
      expect(profile).toMatchObject({
        defaultPageSize: null,
        maxPageSize: 300,
        tokenLockout: { maxFailures: 6, seconds: 1800 },
        customerLockout: { failures: 10, minutes: 10 },
      });
      expect(globalDefaults(profile)).toMatchObject({
        lockoutMaxFailures: 6,
        lockoutSeconds: 1800,
        customerLockoutFailures: 10,
        customerLockoutMinutes: 10,
      });
      expect(storeDefaults(profile).maxPageSize).toBe(300);
    },
  );

  it('the exported defaults are the newest profile', () => {
    expect(storeDefaults(VERSION_PROFILES['2.4.8'])).toEqual(DEFAULT_STORE_SETTINGS);
    expect(globalDefaults(VERSION_PROFILES['2.4.8'])).toEqual(DEFAULT_GLOBAL_SETTINGS);
  });

  it.each(['2.4.5', '2.4.6', '2.4.8-p1', '', 'latest', 248, null])(
    '%p is no version: the error lists the supported ones',
    (value) => {
      expect(isMagentoVersion(value)).toBe(false);
      const message = `Unknown Magento version ${JSON.stringify(value)}: the sandbox has profiles of 2.4.6-p1, 2.4.7, 2.4.8 (default 2.4.8).`;
      expect(() => resolveVersionProfile(value)).toThrow(message);
      expect(() => resolveOptions({ magentoVersion: value as never })).toThrow(message);
    },
  );

  it('the customer lock settings are validated like the others', () => {
    expect(validateGlobalSettings({ customerLockoutFailures: 0, customerLockoutMinutes: 30 })).toEqual({
      customerLockoutFailures: 0,
      customerLockoutMinutes: 30,
    });
    expect(() => validateGlobalSettings({ customerLockoutFailures: -1 })).toThrow(
      'Invalid settings: "customerLockoutFailures" must be an integer from 0 to 1000.',
    );
  });
});
