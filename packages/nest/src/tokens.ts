/** Injection tokens of @magekit/nest. Override them in tests with `overrideProvider`. */

/** `() => number` (ms since the epoch): every timestamp the module writes. */
export const MAGEKIT_CLOCK = Symbol('MAGEKIT_CLOCK');
/** `FetchLike` used for every call to a store (default: the guarded fetch). */
export const MAGEKIT_FETCH = Symbol('MAGEKIT_FETCH');
/** `LookupAll`: DNS resolution used by the store-URL guard (default `dns.lookup`). */
export const MAGEKIT_DNS_LOOKUP = Symbol('MAGEKIT_DNS_LOOKUP');
/** `(ms) => Promise<void>`: waits between handshake retries. */
export const MAGEKIT_SLEEP = Symbol('MAGEKIT_SLEEP');
/** `ResolvedMagentoOptions`: the validated options. */
export const MAGEKIT_CONFIG = Symbol('MAGEKIT_CONFIG');
/** `KeyRing` built from `encryption`. */
export const MAGEKIT_KEY_RING = Symbol('MAGEKIT_KEY_RING');
/** `StoreUrlPolicy` built from `storeUrl`. */
export const MAGEKIT_URL_POLICY = Symbol('MAGEKIT_URL_POLICY');
/** `ThrottlerStorage` of the callback and sign-in limits (default: the `throttle.storage` option, else in memory). */
export const MAGEKIT_THROTTLER_STORAGE = Symbol('MAGEKIT_THROTTLER_STORAGE');
/** `ApiTokenInvalidationBus` that revocations of admin API tokens go through (default: the `apiTokens.invalidation` option, else in-process). */
export const MAGEKIT_TOKEN_INVALIDATION = Symbol('MAGEKIT_TOKEN_INVALIDATION');
