/**
 * What a subscriber of an {@link ApiTokenInvalidationBus} hears: these tokens were revoked, or
 * `all` when messages may have been lost (e.g. the bus reconnected) and every cached token must be
 * checked again.
 */
export type ApiTokenInvalidation = { kind: 'tokens'; tokenIds: readonly string[] } | { kind: 'all' };

/**
 * Tells every instance of the service that API tokens were revoked, so that each drops them from its
 * verification cache. The module's default is in-process (this instance only); `@magekit/service`
 * gives one over Redis pub/sub when `REDIS_URL` is set. Pass your own as the `apiTokens.invalidation`
 * module option.
 */
export interface ApiTokenInvalidationBus {
  /** Announces revoked token ids (ids only: never a token or its hash). */
  publish(tokenIds: readonly string[]): Promise<void>;
  /** Calls `listener` for every invalidation, this instance's own included; returns the unsubscribe. */
  subscribe(listener: (invalidation: ApiTokenInvalidation) => void): () => void;
}

/** A bus within one process: a revocation reaches the subscribers of this bus object only. */
export function createInProcessTokenInvalidationBus(): ApiTokenInvalidationBus {
  const listeners = new Set<(invalidation: ApiTokenInvalidation) => void>();
  return {
    publish: async (tokenIds) => {
      const invalidation: ApiTokenInvalidation = { kind: 'tokens', tokenIds: [...tokenIds] };
      for (const listener of [...listeners]) listener(invalidation);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** True for a value shaped like an {@link ApiTokenInvalidationBus} (the module option's check). */
export function isTokenInvalidationBus(value: unknown): value is ApiTokenInvalidationBus {
  const bus = value as Partial<ApiTokenInvalidationBus> | null;
  return typeof bus?.publish === 'function' && typeof bus.subscribe === 'function';
}
