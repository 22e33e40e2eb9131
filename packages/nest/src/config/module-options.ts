import type { ThrottlerStorage } from '@nestjs/throttler';
import { z } from 'zod';
import { IMS_TOKEN_URL } from '@magekit/client';
import { isTokenInvalidationBus, type ApiTokenInvalidationBus } from '../admin/token-invalidation-bus';
import { keyRingConfigSchema, type KeyRingConfig } from '../crypto/key-ring';
import { DEFAULT_SIGN_IN_LOCKOUT } from '../identity/sign-in-lockout';
import { storeUrlOptionsSchema, type StoreUrlOptions } from '../url-guard/store-url-policy';
import { group, integer, listEntry, quote } from './option-schema';
import { settingNamesSchema, type SettingNames } from './setting-names';

/** What a tenant path segment may be. */
export const TENANT_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** What an ACL resource id looks like (`Vendor_Module::resource`). */
const ACL_ID = /^[A-Za-z0-9_]+::[A-Za-z0-9_]+$/;

/** Requests allowed per window, per client address and over all addresses. */
function throttleLimitsSchema(defaults: { perAddress: number; global: number }) {
  return group({ perAddress: integer(1).default(defaults.perAddress), global: integer(1).default(defaults.global) });
}

/**
 * Options of `MagentoIntegrationModule.forRoot` / `forRootAsync`, validated once at boot by
 * `resolveMagentoOptions`. The one statement of the options contract: their types, rules and
 * defaults. A problem's message follows its option path (see `listOptionProblems`).
 */
export const magentoIntegrationOptionsSchema = group({
  /** Keys for secrets at rest (AES-256-GCM). Required. */
  encryption: keyRingConfigSchema,
  /** Which store URLs are acceptable (https, public addresses) and DNS timeout. */
  storeUrl: storeUrlOptionsSchema.default({}),
  /** Accepted `:tenant` path values; default any value of 1–64 `[A-Za-z0-9_-]`. */
  tenants: z
    .array(
      listEntry((tenant) =>
        TENANT_PATTERN.test(tenant) ? null : `${quote(tenant)} must be 1-64 letters, digits, _ or -`,
      ),
      { message: 'must be an array of tenant names (1-64 letters, digits, _ or -)' },
    )
    .optional(),
  /**
   * Magento's `oauth/consumer/expiration_period` in seconds; default 300
   * (`Magento\Integration\Model\Oauth\Consumer::isValidForTokenExchange()`, docs/magento-behaviour.md §1.8).
   */
  consumerWindowSeconds: integer(1).default(300),
  handshake: group({
    /** Per-request timeout; default 10 000 ms. */
    timeoutMs: integer(1).default(10_000),
    /** Attempts per step for transient failures (network, timeout, 5xx, 429); default 4. */
    maxAttempts: integer(1).default(4),
    /** First retry delay, doubled each time; default 1000 ms. */
    baseDelayMs: integer(0).default(1000),
  }).default({}),
  probe: group({
    /** A signed GET the integration's ACL allows; default `/V1/store/storeConfigs`. */
    path: z
      .string({ message: 'must start with /V1/ (e.g. /V1/store/storeConfigs)' })
      .regex(/^\/V1\/[^?#\s]*$/, 'must start with /V1/ (e.g. /V1/store/storeConfigs)')
      .default('/V1/store/storeConfigs'),
    /** How often active stores are probed; default 3 600 000 ms (1 h); 0 turns the timer off. */
    intervalMs: integer(0).default(3_600_000),
    /** Per-request timeout; default 15 000 ms. */
    timeoutMs: integer(1).default(15_000),
    /**
     * Who runs due probes: `timer` (default), this module's in-process timer every `intervalMs`;
     * `external`, the app's own scheduler calls `StoreHealthService.probeDue()` (e.g. a BullMQ
     * job scheduler), and the timer does not probe, so one store is never probed by both.
     */
    scheduler: z.enum(['timer', 'external'], { message: 'must be "timer" or "external"' }).default('timer'),
  }).default({}),
  /**
   * The one client per store that `StoreClientFactory.forStore` hands out. A client with no call
   * running or waiting is let go after `idleMs` without use, or sooner (least recently used first)
   * when more than `maxEntries` are held; the next call builds it again from the store row, which
   * keeps what it learnt (signature profile, clock skew).
   */
  storeClients: group({
    /** Concurrent requests to one store, over every caller of this instance; default 4. */
    maxConcurrency: integer(1).default(4),
    /**
     * How long an idle client is kept; default 300 000 ms (5 min): a store called again within
     * minutes (a sync, a burst of webhooks) keeps its client and its open connections, while one
     * probed once an hour holds none between probes.
     */
    idleMs: integer(1).default(300_000),
    /**
     * The same for an `ims` store (never below `idleMs`); default 7 200 000 ms (2 h), over the
     * default probe interval of 1 h: its client holds an IMS access token valid for about a day,
     * and a new client asks IMS for a new token.
     */
    imsIdleMs: integer(1).default(7_200_000),
    /**
     * Most clients held (about 15 KB each); default 2 000. Clients with calls in flight are never
     * let go, so the count may pass it while more stores than that are busy at once.
     */
    maxEntries: integer(1).default(2000),
  }).default({}),
  /** How often pending activations left by a crash are resumed; default 30 000 ms; 0 turns it off. */
  sweepIntervalMs: integer(0).default(30_000),
  /** Name shown on the identity-link sign-in page; default "Sign in". */
  productName: z
    .string({ message: 'must be a string of at most 100 characters' })
    .max(100, 'must be a string of at most 100 characters')
    .default('Sign in'),
  /**
   * ACL resource ids the integration needs (e.g. from `computeLeastPrivilege` of @magekit/acl over
   * its calls). Each successful probe checks them with one representative call; the admin API
   * shows them allowed, refused or unknown. Default none.
   */
  requiredResources: z
    .array(
      listEntry((id) => (ACL_ID.test(id) ? null : `${quote(id)} is not an ACL id such as Magento_Sales::actions_view`)),
      { message: 'must be an array of ACL ids such as Magento_Sales::actions_view' },
    )
    .max(200, 'must be an array of at most 200 ACL ids')
    .default([]),
  /**
   * Lockout of the identity-link sign-in (Magento's `Magento\Integration\Model\Oauth\Token\RequestThrottler`,
   * docs/magento-behaviour.md §3.3): after `maxFailures` failed sign-ins (default 6) of one e-mail, or
   * 30 from one client IP, within `lockSeconds` (default 900), further attempts are refused until that
   * window ends.
   */
  signIn: group({
    maxFailures: integer(1).default(DEFAULT_SIGN_IN_LOCKOUT.maxFailures),
    lockSeconds: integer(1).default(DEFAULT_SIGN_IN_LOCKOUT.lockMs / 1000),
  }).default({}),
  /**
   * Request limits on the callback POST and the identity sign-in POST, per client address
   * (`req.ip`, so set Express `trust proxy` behind a load balancer) and over all addresses, per
   * window. Over a limit the answer is 429 `TOO_MANY_REQUESTS` with `Retry-After`.
   */
  throttle: group({
    /** Window length; default 60 s. */
    windowSeconds: integer(1).default(60),
    /** Callback POSTs; default 10 per address and 120 in all per window. */
    callback: throttleLimitsSchema({ perAddress: 10, global: 120 }).default({}),
    /** Sign-in POSTs; default 20 per address and 300 in all per window. */
    signIn: throttleLimitsSchema({ perAddress: 20, global: 300 }).default({}),
    /**
     * Where the counters live. Default: this process's memory. Give a shared storage (e.g.
     * `ThrottlerStorageRedisService` of `@nest-lab/throttler-storage-redis`) so that every
     * instance counts together.
     */
    storage: z
      .custom<ThrottlerStorage>((storage) => typeof storage?.increment === 'function', {
        message: 'must be a ThrottlerStorage (an object with increment())',
        fatal: false,
      })
      .optional(),
  }).default({}),
  /**
   * Stores that called back but never became active: at most `perAddress` (default 10) from one
   * client address and `max` (default 500) in all. Beyond that a callback for an unknown consumer
   * key is refused with 429 `PENDING_LIMIT`. They are removed once their activation has ended
   * without success and Magento's consumer window has passed.
   */
  pendingStores: group({ perAddress: integer(1).default(10), max: integer(1).default(500) }).default({}),
  /** Stores registered with an Adobe IMS credential (Adobe Commerce as a Cloud Service). */
  ims: group({
    /**
     * The IMS token endpoint, or an origin (`/ims/token/v3` is appended), for stores registered
     * without one; default Adobe's, `https://ims-na1.adobelogin.com/ims/token/v3`. Point it at a
     * local sandbox or a fake in development and tests.
     */
    tokenUrl: z
      .string({ message: 'must be an http(s) URL' })
      .max(2048, 'must be at most 2,048 characters')
      .refine(isTokenUrl, 'must be an https URL (plain http only on loopback) without credentials or fragment')
      .default(IMS_TOKEN_URL),
  }).default({}),
  /**
   * Admin API tokens. A verified token is cached (by its SHA-256) for `cacheTtlMs`; a revocation
   * through this module or `invalidation` evicts it at once, and `cacheTtlMs` bounds how long an
   * instance that heard nothing (a revocation written straight to the database, a lost message)
   * still accepts it. Unknown tokens are never cached: each costs one indexed lookup.
   */
  apiTokens: group({
    /** How long a verified token is trusted without a lookup; default 5 000 ms; 0 turns the cache off. */
    cacheTtlMs: integer(0).default(5000),
    /** Most tokens cached (least recently used out first); default 1 000. */
    cacheMaxEntries: integer(1).default(1000),
    /**
     * How revocations reach every instance. Default: in-process (this instance only; other
     * instances drop the token within `cacheTtlMs`). `@magekit/service` passes one over Redis
     * pub/sub when `REDIS_URL` is set.
     */
    invalidation: z
      .custom<ApiTokenInvalidationBus>(isTokenInvalidationBus, {
        message: 'must be an ApiTokenInvalidationBus (an object with publish() and subscribe())',
        fatal: false,
      })
      .optional(),
  }).default({}),
  /** The admin API (`/api/*`). */
  admin: group({
    /**
     * How long this instance answers `GET /api/stores` from memory for the same validated query
     * (status, search, page, pageSize), counted from when the answer's queries were sent; default
     * 1 000 ms; 0 turns the cache off. Writes of stores and vendor accounts through this instance's
     * DataSource (TypeORM listeners on) clear it at once; other instances, and writes that bypass
     * TypeORM's listeners (raw SQL, another process), show in a list within `listCacheMs`. At most
     * 100 queries are kept (oldest out).
     */
    listCacheMs: integer(0).default(1000),
  }).default({}),
  /**
   * How the app names the settings that error hints tell the user to change (e.g. environment
   * variables such as `STORE_URL_ALLOW_HTTP=true`). Default: the option paths.
   */
  settingNames: settingNamesSchema.default({}),
});

/** Options of `MagentoIntegrationModule.forRoot` / `forRootAsync` (see {@link magentoIntegrationOptionsSchema}). */
export type MagentoIntegrationOptions = z.input<typeof magentoIntegrationOptionsSchema>;

/** Requests allowed per window. */
export type ThrottleLimits = z.input<ReturnType<typeof throttleLimitsSchema>>;

/** {@link MagentoIntegrationOptions} with every default filled in. */
export interface ResolvedMagentoOptions {
  encryption: KeyRingConfig;
  storeUrl: StoreUrlOptions;
  tenants: readonly string[] | null;
  consumerWindowMs: number;
  handshake: { timeoutMs: number; maxAttempts: number; baseDelayMs: number };
  probe: { path: string; intervalMs: number; timeoutMs: number; scheduler: 'timer' | 'external' };
  storeClients: { maxConcurrency: number; idleMs: number; imsIdleMs: number; maxEntries: number };
  sweepIntervalMs: number;
  productName: string;
  requiredResources: readonly string[];
  signIn: { maxFailures: number; lockMs: number };
  throttle: {
    windowMs: number;
    callback: Required<ThrottleLimits>;
    signIn: Required<ThrottleLimits>;
    storage: ThrottlerStorage | null;
  };
  pendingStores: { perAddress: number; max: number };
  ims: { tokenUrl: string };
  apiTokens: { cacheTtlMs: number; cacheMaxEntries: number; invalidation: ApiTokenInvalidationBus | null };
  admin: { listCacheMs: number };
  settingNames: SettingNames;
}

/** An IMS token endpoint as @magekit/client's `createImsAuth` takes it: https (plain http only on loopback), no credentials or fragment. */
function isTokenUrl(value: string): boolean {
  try {
    const url = new URL(value);
    const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname);
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
    return secure && !url.username && !url.password && !url.hash;
  } catch {
    return false;
  }
}
