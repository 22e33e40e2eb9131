import type { ThrottlerStorage } from '@nestjs/throttler';
import type { KeyRingConfig } from '../crypto/key-ring';
import type { StoreUrlOptions } from '../url-guard/store-url-policy';

/** Options of `MagentoIntegrationModule.forRoot` / `forRootAsync` (validated once at boot). */
export interface MagentoIntegrationOptions {
  /** Keys for secrets at rest (AES-256-GCM). Required. */
  encryption: KeyRingConfig;
  /** Which store URLs are acceptable (https, public addresses) and DNS timeout. */
  storeUrl?: StoreUrlOptions;
  /** Accepted `:tenant` path values; default any value of 1–64 `[A-Za-z0-9_-]`. */
  tenants?: string[];
  /** Magento's `oauth/consumer/expiration_period` in seconds; default 300 (MAGENTO.md §1.8). */
  consumerWindowSeconds?: number;
  handshake?: {
    /** Per-request timeout; default 10 000 ms. */
    timeoutMs?: number;
    /** Attempts per step for transient failures (network, timeout, 5xx, 429); default 4. */
    maxAttempts?: number;
    /** First retry delay, doubled each time; default 1000 ms. */
    baseDelayMs?: number;
  };
  probe?: {
    /** A signed GET the integration's ACL allows; default `/V1/store/storeConfigs`. */
    path?: string;
    /** How often active stores are probed; default 3 600 000 ms (1 h); 0 turns the timer off. */
    intervalMs?: number;
    /** Per-request timeout; default 15 000 ms. */
    timeoutMs?: number;
    /**
     * Who runs due probes: `timer` (default), this module's in-process timer every `intervalMs`;
     * `external`, the app's own scheduler calls `StoreHealthService.probeDue()` (e.g. a BullMQ
     * job scheduler), and the timer does not probe, so one store is never probed by both.
     */
    scheduler?: 'timer' | 'external';
  };
  /** The one client per store that `StoreClientFactory.forStore` hands out. */
  storeClients?: {
    /** Concurrent requests to one store, over every caller of this instance; default 4. */
    maxConcurrency?: number;
  };
  /** How often pending activations left by a crash are resumed; default 30 000 ms; 0 turns it off. */
  sweepIntervalMs?: number;
  /** Name shown on the identity-link sign-in page; default "Sign in". */
  productName?: string;
  /**
   * ACL resource ids the integration needs (e.g. from `computeLeastPrivilege` of @magekit/acl over
   * its calls). Each successful probe checks them with one representative call; the admin API
   * shows them allowed, refused or unknown. Default none.
   */
  requiredResources?: string[];
  /**
   * Lockout of the identity-link sign-in (Magento's `RequestThrottler`, MAGENTO.md §3): after
   * `maxFailures` failed sign-ins (default 6) of one e-mail, or 30 from one client IP, within
   * `lockSeconds` (default 900), further attempts are refused until that window ends.
   */
  signIn?: {
    maxFailures?: number;
    lockSeconds?: number;
  };
  /**
   * Request limits on the callback POST and the identity sign-in POST, per client address
   * (`req.ip`, so set Express `trust proxy` behind a load balancer) and over all addresses, per
   * window. Over a limit the answer is 429 `TOO_MANY_REQUESTS` with `Retry-After`.
   */
  throttle?: {
    /** Window length; default 60 s. */
    windowSeconds?: number;
    /** Callback POSTs; default 10 per address and 120 in all per window. */
    callback?: ThrottleLimits;
    /** Sign-in POSTs; default 20 per address and 300 in all per window. */
    signIn?: ThrottleLimits;
    /**
     * Where the counters live. Default: this process's memory. Give a shared storage (e.g.
     * `ThrottlerStorageRedisService` of `@nest-lab/throttler-storage-redis`) so that every
     * instance counts together.
     */
    storage?: ThrottlerStorage;
  };
  /**
   * Stores that called back but never became active: at most `perAddress` (default 10) from one
   * client address and `max` (default 500) in all. Beyond that a callback for an unknown consumer
   * key is refused with 429 `PENDING_LIMIT`. They are removed once their activation has ended
   * without success and Magento's consumer window has passed.
   */
  pendingStores?: {
    perAddress?: number;
    max?: number;
  };
  /**
   * How the app names the settings that error hints tell the user to change (e.g. environment
   * variables such as `STORE_URL_ALLOW_HTTP=true`). Default: the option paths.
   */
  settingNames?: Partial<SettingNames>;
}

/** The names hints use for settings a user can change. */
export interface SettingNames {
  /** Allowing http store URLs (default `storeUrl.allowHttp: true`). */
  allowHttp: string;
  /** Allow-listed networks (default `storeUrl.allowedNetworks`). */
  allowedNetworks: string;
  /** The accepted tenants (default `the tenants option`). */
  tenants: string;
  /** The request limits (default `the throttle option`). */
  throttle: string;
  /** The pending-store limits (default `the pendingStores option`). */
  pendingStores: string;
}

/** Requests allowed per window. */
export interface ThrottleLimits {
  perAddress?: number;
  global?: number;
}

/** {@link MagentoIntegrationOptions} with every default filled in. */
export interface ResolvedMagentoOptions {
  encryption: KeyRingConfig;
  storeUrl: StoreUrlOptions;
  tenants: readonly string[] | null;
  consumerWindowMs: number;
  handshake: { timeoutMs: number; maxAttempts: number; baseDelayMs: number };
  probe: { path: string; intervalMs: number; timeoutMs: number; scheduler: 'timer' | 'external' };
  storeClients: { maxConcurrency: number };
  sweepIntervalMs: number;
  productName: string;
  requiredResources: readonly string[];
  signIn: { maxFailures: number; lockMs: number };
  throttle: { windowMs: number; callback: Required<ThrottleLimits>; signIn: Required<ThrottleLimits>; storage: ThrottlerStorage | null };
  pendingStores: { perAddress: number; max: number };
  settingNames: SettingNames;
}
