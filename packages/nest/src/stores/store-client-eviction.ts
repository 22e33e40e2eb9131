import type { StoreEntity } from '../entities/store.entity';
import type { UsageTrackingLimiter } from './store-client-usage';

/** When the registry lets a store's client go (`storeClients` options). */
export interface StoreClientEvictionPolicy {
  /** An idle client older than this (ms since its last use) goes. */
  idleMs: number;
  /** The same for an `ims` store (its client holds an IMS access token); never below `idleMs`. */
  imsIdleMs: number;
  /** Most clients kept: beyond it the least recently used idle ones go first. */
  maxEntries: number;
}

/** What the policy looks at in an entry. */
export interface EvictionCandidate {
  readonly authKind: StoreEntity['authKind'];
  readonly limiter: Pick<UsageTrackingLimiter, 'active' | 'waiting' | 'lastUsedAt'>;
}

/** Whether the entry's limiter has a call running or waiting (such an entry is never let go). */
export function isBusy(entry: EvictionCandidate): boolean {
  return entry.limiter.active > 0 || entry.limiter.waiting > 0;
}

/** How long the entry may stay idle. */
export function idleLimitOf(entry: EvictionCandidate, policy: StoreClientEvictionPolicy): number {
  return entry.authKind === 'ims' ? Math.max(policy.idleMs, policy.imsIdleMs) : policy.idleMs;
}

/**
 * The stores whose clients go now: every idle entry unused for longer than its limit, then, while
 * more than `keep` entries would remain, the least recently used idle ones. Busy entries and
 * `pinned` stores (e.g. a learnt skew still being written) stay, even beyond `keep`.
 */
export function selectEvictions(
  entries: ReadonlyMap<string, EvictionCandidate>,
  now: number,
  policy: StoreClientEvictionPolicy,
  keep = policy.maxEntries,
  pinned: ReadonlySet<string> = new Set(),
): string[] {
  const expired: string[] = [];
  const idle: Array<[string, number]> = [];
  for (const [id, entry] of entries) {
    if (isBusy(entry) || pinned.has(id)) continue;
    const lastUsedAt = entry.limiter.lastUsedAt;
    if (now - lastUsedAt > idleLimitOf(entry, policy)) expired.push(id);
    else idle.push([id, lastUsedAt]);
  }
  const excess = entries.size - expired.length - keep;
  if (excess <= 0) return expired;
  idle.sort((a, b) => a[1] - b[1]);
  return [...expired, ...idle.slice(0, excess).map(([id]) => id)];
}
