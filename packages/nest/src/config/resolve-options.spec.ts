import { randomBytes } from 'node:crypto';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { createInProcessTokenInvalidationBus } from '../admin/token-invalidation-bus';
import { findKeyRingProblems } from '../crypto/key-ring';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { findStoreUrlProblems } from '../url-guard/store-url-policy';
import type { MagentoIntegrationOptions } from './module-options';
import { resolveMagentoOptions } from './resolve-options';
import { OPTION_SETTING_NAMES } from './setting-names';

const KEYS = { activeKeyId: 'k1', keys: { k1: randomBytes(32).toString('base64') } };

/** The problems of `options`, as the one INVALID_CONFIG error lists them. */
function problemsOf(options: unknown): string[] {
  try {
    resolveMagentoOptions(options as MagentoIntegrationOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(MagentoIntegrationError);
    expect(error).toMatchObject({
      code: 'INVALID_CONFIG',
      hint: 'Fix the listed keys in the options passed to MagentoIntegrationModule.forRoot/forRootAsync.',
    });
    const message = (error as Error).message;
    expect(message).toMatch(/^Invalid MagentoIntegrationModule options: .*\.$/);
    return message.slice('Invalid MagentoIntegrationModule options: '.length, -1).split('; ');
  }
  throw new Error('expected INVALID_CONFIG');
}

describe('resolveMagentoOptions', () => {
  it('fills every default', () => {
    expect(resolveMagentoOptions({ encryption: KEYS })).toEqual({
      encryption: KEYS,
      storeUrl: {},
      tenants: null,
      consumerWindowMs: 300_000,
      handshake: { timeoutMs: 10_000, maxAttempts: 4, baseDelayMs: 1000 },
      probe: { path: '/V1/store/storeConfigs', intervalMs: 3_600_000, timeoutMs: 15_000, scheduler: 'timer' },
      storeClients: { maxConcurrency: 4, idleMs: 300_000, imsIdleMs: 7_200_000, maxEntries: 2000 },
      sweepIntervalMs: 30_000,
      productName: 'Sign in',
      requiredResources: [],
      signIn: { maxFailures: 6, lockMs: 900_000 },
      throttle: {
        windowMs: 60_000,
        callback: { perAddress: 10, global: 120 },
        signIn: { perAddress: 20, global: 300 },
        storage: null,
      },
      pendingStores: { perAddress: 10, max: 500 },
      ims: { tokenUrl: 'https://ims-na1.adobelogin.com/ims/token/v3' },
      apiTokens: { cacheTtlMs: 5000, cacheMaxEntries: 1000, invalidation: null },
      admin: { listCacheMs: 1000 },
      settingNames: {
        allowHttp: 'storeUrl.allowHttp: true',
        allowedNetworks: 'storeUrl.allowedNetworks',
        tenants: 'the tenants option',
        throttle: 'the throttle option',
        pendingStores: 'the pendingStores option',
        imsTokenUrl: 'ims.tokenUrl',
      },
    });
  });

  it('keeps what is given: seconds become milliseconds, setting names merge with the defaults, the throttler storage is the same object', () => {
    const storage = new ThrottlerStorageService();
    const resolved = resolveMagentoOptions({
      encryption: KEYS,
      storeUrl: { allowHttp: true, allowedNetworks: ['127.0.0.1/32'], dnsTimeoutMs: 500 },
      tenants: ['acme', 'b_2'],
      consumerWindowSeconds: 600,
      handshake: { baseDelayMs: 0 },
      probe: { intervalMs: 0, scheduler: 'external', path: '/V1/orders' },
      signIn: { maxFailures: 3, lockSeconds: 60 },
      throttle: { windowSeconds: 30, callback: { global: 7 }, storage },
      settingNames: { allowHttp: 'STORE_URL_ALLOW_HTTP=true' },
    });
    expect(resolved).toMatchObject({
      storeUrl: { allowHttp: true, allowedNetworks: ['127.0.0.1/32'], dnsTimeoutMs: 500 },
      tenants: ['acme', 'b_2'],
      consumerWindowMs: 600_000,
      handshake: { timeoutMs: 10_000, maxAttempts: 4, baseDelayMs: 0 },
      probe: { path: '/V1/orders', intervalMs: 0, timeoutMs: 15_000, scheduler: 'external' },
      signIn: { maxFailures: 3, lockMs: 60_000 },
      throttle: { windowMs: 30_000, callback: { perAddress: 10, global: 7 }, signIn: { perAddress: 20, global: 300 } },
      settingNames: { ...OPTION_SETTING_NAMES, allowHttp: 'STORE_URL_ALLOW_HTTP=true' },
    });
    expect(resolved.throttle.storage).toBe(storage);
  });

  it('keeps the API token cache settings and the invalidation bus object', () => {
    const bus = createInProcessTokenInvalidationBus();
    const resolved = resolveMagentoOptions({
      encryption: KEYS,
      apiTokens: { cacheTtlMs: 0, cacheMaxEntries: 10, invalidation: bus },
    });
    expect(resolved.apiTokens).toEqual({ cacheTtlMs: 0, cacheMaxEntries: 10, invalidation: bus });
    expect(resolved.apiTokens.invalidation).toBe(bus);
  });

  it('names the options themselves and a missing key ring', () => {
    expect(problemsOf(null)).toEqual(['options must be an object']);
    expect(problemsOf('encryption')).toEqual(['options must be an object']);
    expect(problemsOf({})).toEqual(['encryption is required ({ activeKeyId, keys })']);
    expect(problemsOf({ encryption: { activeKeyId: '', keys: {} } })).toEqual([
      'encryption.keys must hold at least one key',
      'encryption.activeKeyId is required',
    ]);
  });

  it('names every bad key of every group in one message, in the order of the options, in its own words', () => {
    const problems = problemsOf({
      encryption: KEYS,
      storeUrl: { allowHttp: 1, allowedNetworks: ['10.0.0.0/8', 7], dnsTimeoutMs: 1.5 },
      tenants: 'acme',
      consumerWindowSeconds: '300',
      handshake: { timeoutMs: 0, maxAttempts: Number.NaN, baseDelayMs: -1 },
      probe: { path: '/V1/a?b', intervalMs: Infinity, timeoutMs: null, scheduler: 'cron' },
      storeClients: { maxConcurrency: 0, idleMs: 0, maxEntries: 2.5 },
      sweepIntervalMs: -5,
      productName: 'x'.repeat(101),
      requiredResources: 'Magento_Sales::actions_view',
      signIn: { maxFailures: 0, lockSeconds: 0.5 },
      throttle: { windowSeconds: 0, callback: { perAddress: 0 }, signIn: { global: '5' }, storage: {} },
      pendingStores: { perAddress: 0, max: 0 },
      ims: { tokenUrl: 'http://ims.example.com/ims/token/v3' },
      apiTokens: { cacheTtlMs: -1, cacheMaxEntries: 0, invalidation: { publish: () => undefined } },
      admin: { listCacheMs: 0.5 },
      settingNames: { allowHttp: '', tenants: 5 },
    });
    expect(problems).toEqual([
      'storeUrl.allowHttp must be a boolean',
      'storeUrl.allowedNetworks: 7 is not a string',
      'storeUrl.dnsTimeoutMs must be a positive integer',
      'tenants must be an array of tenant names (1-64 letters, digits, _ or -)',
      'consumerWindowSeconds must be an integer >= 1',
      'handshake.timeoutMs must be an integer >= 1',
      'handshake.maxAttempts must be an integer >= 1',
      'handshake.baseDelayMs must be an integer >= 0',
      'probe.path must start with /V1/ (e.g. /V1/store/storeConfigs)',
      'probe.intervalMs must be an integer >= 0',
      'probe.timeoutMs must be an integer >= 1',
      'probe.scheduler must be "timer" or "external"',
      'storeClients.maxConcurrency must be an integer >= 1',
      'storeClients.idleMs must be an integer >= 1',
      'storeClients.maxEntries must be an integer >= 1',
      'sweepIntervalMs must be an integer >= 0',
      'productName must be a string of at most 100 characters',
      'requiredResources must be an array of ACL ids such as Magento_Sales::actions_view',
      'signIn.maxFailures must be an integer >= 1',
      'signIn.lockSeconds must be an integer >= 1',
      'throttle.windowSeconds must be an integer >= 1',
      'throttle.callback.perAddress must be an integer >= 1',
      'throttle.signIn.global must be an integer >= 1',
      'throttle.storage must be a ThrottlerStorage (an object with increment())',
      'pendingStores.perAddress must be an integer >= 1',
      'pendingStores.max must be an integer >= 1',
      'ims.tokenUrl must be an https URL (plain http only on loopback) without credentials or fragment',
      'apiTokens.cacheTtlMs must be an integer >= 0',
      'apiTokens.cacheMaxEntries must be an integer >= 1',
      'apiTokens.invalidation must be an ApiTokenInvalidationBus (an object with publish() and subscribe())',
      'admin.listCacheMs must be an integer >= 0',
      'settingNames.allowHttp must be a name of 1-200 characters',
      'settingNames.tenants must be a name of 1-200 characters',
    ]);
  });

  it('names each bad entry of a list, and a group that is not an object', () => {
    expect(
      problemsOf({ encryption: KEYS, tenants: ['acme', '', 'a/b'], handshake: 3, throttle: { callback: [] } }),
    ).toEqual([
      'tenants: "" must be 1-64 letters, digits, _ or -',
      'tenants: "a/b" must be 1-64 letters, digits, _ or -',
      'handshake must be an object',
      'throttle.callback must be an object',
    ]);
    const many = Array.from({ length: 201 }, (_, index) => `Vendor_Module::resource_${index}`);
    expect(problemsOf({ encryption: KEYS, requiredResources: many })).toEqual([
      'requiredResources must be an array of at most 200 ACL ids',
    ]);
    expect(
      resolveMagentoOptions({ encryption: KEYS, requiredResources: many.slice(0, 200) }).requiredResources,
    ).toHaveLength(200);
  });
});

describe('the key ring and store-URL schemas parsed on their own', () => {
  it('prefix every problem with the path the caller names (a key file, an environment variable, or none)', () => {
    expect(findKeyRingProblems({ activeKeyId: 'k9', keys: KEYS.keys }, 'keys.json')).toEqual([
      'keys.json.activeKeyId "k9" is not one of keys.json.keys',
    ]);
    expect(
      findKeyRingProblems({ activeKeyId: 'k1', keys: { k1: 42 as unknown as string } }, 'MAGEKIT_ENCRYPTION_KEYS'),
    ).toEqual(['MAGEKIT_ENCRYPTION_KEYS.keys.k1 must be base64 of 32 bytes (e.g. `openssl rand -base64 32`)']);
    expect(findKeyRingProblems(KEYS)).toEqual([]);
    expect(findStoreUrlProblems({ allowedNetworks: ['nope', '::1/128'] }, '')).toEqual([
      '.allowedNetworks: "nope" is not an IPv4/IPv6 address or CIDR',
    ]);
    expect(findStoreUrlProblems(undefined)).toEqual([]);
    expect(findStoreUrlProblems(null as never)).toEqual(['storeUrl must be an object']);
    expect(findStoreUrlProblems({ allowedNetworks: '10.0.0.0/8' as never })).toEqual([
      'storeUrl.allowedNetworks must be an array of CIDR strings',
    ]);
  });
});
