/** What {@link TokenCache} remembers of a live API token. */
export interface CachedCaller {
  tokenId: string;
  name: string;
}

/** Options of a {@link TokenCache}. */
export interface TokenCacheOptions {
  /** How long a verified token is trusted without asking the database again; 0 turns the cache off. */
  ttlMs: number;
  /** Most entries kept; the least recently used one goes first. */
  maxEntries: number;
  /** Milliseconds since the epoch. */
  clock: () => number;
}

interface Entry {
  caller: CachedCaller;
  expiresAt: number;
}

/**
 * Token hash → caller for live tokens only (a miss always goes to the database), with a TTL and a
 * bounded size (least recently used first out; a Map keeps insertion order, so a hit re-inserts
 * its entry). Pure: the clock is passed in. `generation` changes on every eviction, so a lookup
 * that started before a revocation can tell that its answer is no longer safe to cache.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private evictions = 0;

  constructor(private readonly options: TokenCacheOptions) {}

  /** Whether anything is cached at all (`ttlMs` > 0). */
  get enabled(): boolean {
    return this.options.ttlMs > 0;
  }

  /** How many entries are held (expired ones included until they are read or pushed out). */
  get size(): number {
    return this.entries.size;
  }

  /** Changes whenever an entry is evicted by {@link evictTokens} or {@link clear}. */
  get generation(): number {
    return this.evictions;
  }

  /** The caller of a live, unexpired entry, or null. */
  get(tokenHash: string): CachedCaller | null {
    const entry = this.entries.get(tokenHash);
    if (entry === undefined) return null;
    this.entries.delete(tokenHash);
    if (entry.expiresAt <= this.options.clock()) return null;
    this.entries.set(tokenHash, entry);
    return entry.caller;
  }

  /** Remembers a verified token for `ttlMs`, pushing out the least recently used entry when full. */
  set(tokenHash: string, caller: CachedCaller): void {
    if (!this.enabled) return;
    this.entries.delete(tokenHash);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, { caller, expiresAt: this.options.clock() + this.options.ttlMs });
  }

  /** Forgets every entry of these token ids (a revocation); returns how many were removed. */
  evictTokens(tokenIds: Iterable<string>): number {
    const ids = new Set(tokenIds);
    this.evictions++;
    let removed = 0;
    for (const [hash, entry] of this.entries) {
      if (!ids.has(entry.caller.tokenId)) continue;
      this.entries.delete(hash);
      removed++;
    }
    return removed;
  }

  /** Forgets everything (e.g. after invalidation messages may have been lost). */
  clear(): void {
    this.evictions++;
    this.entries.clear();
  }
}
