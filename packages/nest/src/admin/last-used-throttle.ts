/** Options of a {@link LastUsedThrottle}. */
export interface LastUsedThrottleOptions {
  /** Least time between two writes of one token's `lastUsedAt`; default one minute. */
  intervalMs?: number;
  /** Most tokens remembered; the oldest write is forgotten first (it then may be written again sooner). */
  maxEntries?: number;
}

/** One minute: `lastUsedAt` is a "seen recently" hint, not an audit log. */
export const LAST_USED_INTERVAL_MS = 60_000;

/**
 * Decides when an API token's `lastUsedAt` is written: at most once per `intervalMs` per token,
 * counted in this process (each instance keeps its own memory, so N instances write at most N times
 * a minute). What the database already holds counts as a write, so a fresh instance does not write
 * again a token another one has just stamped. Pure: times are passed in.
 */
export class LastUsedThrottle {
  private readonly writtenAt = new Map<string, number>();
  private readonly intervalMs: number;
  private readonly maxEntries: number;

  constructor(options: LastUsedThrottleOptions = {}) {
    this.intervalMs = options.intervalMs ?? LAST_USED_INTERVAL_MS;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** Records `lastUsedAt` as read from the database (null: never used), unless a later write is known. */
  observe(tokenId: string, storedAt: number | null): void {
    if (storedAt === null) return;
    const known = this.writtenAt.get(tokenId);
    if (known === undefined || storedAt > known) this.remember(tokenId, storedAt);
  }

  /** True when a use at `now` should be written, and then counts it as written. */
  claim(tokenId: string, now: number): boolean {
    const last = this.writtenAt.get(tokenId);
    if (last !== undefined && now - last < this.intervalMs && now >= last) return false;
    this.remember(tokenId, now);
    return true;
  }

  /** Forgets a token (revoked: nothing more to write). */
  forget(tokenId: string): void {
    this.writtenAt.delete(tokenId);
  }

  private remember(tokenId: string, at: number): void {
    this.writtenAt.delete(tokenId);
    if (this.writtenAt.size >= this.maxEntries) {
      const oldest = this.writtenAt.keys().next();
      if (!oldest.done) this.writtenAt.delete(oldest.value);
    }
    this.writtenAt.set(tokenId, at);
  }
}
