import type { OAuthConsumerRecord, OAuthTokenRecord, VerifyStore } from '../verify-types';

/** Data for an in-memory {@link VerifyStore}. */
export interface MemoryStoreData {
  consumers: OAuthConsumerRecord[];
  tokens: OAuthTokenRecord[];
  /** Used nonces per consumer id. */
  nonces?: Record<string, string[]>;
}

/**
 * An in-memory {@link VerifyStore} for tests that behaves like Magento's tables: nonces are unique per consumer
 * and stored cut to `varchar(32)` (so a longer nonce is never seen as reused, as in Magento).
 */
export function createMemoryVerifyStore(data: MemoryStoreData): VerifyStore & { nonces: Map<string, Set<string>> } {
  const nonces = new Map<string, Set<string>>();
  for (const [id, list] of Object.entries(data.nonces ?? {})) nonces.set(id, new Set(list));
  return {
    nonces,
    findConsumerByKey: (key) => data.consumers.find((consumer) => consumer.key === key) ?? null,
    findToken: (token) => data.tokens.find((row) => row.token === token) ?? null,
    findIntegrationToken: (id) => data.tokens.find((row) => String(row.consumerId) === String(id)) ?? null,
    saveNonce: (consumerId, nonce) => {
      const used = nonces.get(String(consumerId)) ?? new Set<string>();
      nonces.set(String(consumerId), used);
      if (used.has(nonce)) return false;
      used.add(nonce.slice(0, 32));
      return true;
    },
  };
}
