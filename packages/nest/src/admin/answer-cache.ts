/** Options of an {@link AnswerCache}. */
export interface AnswerCacheOptions {
  /** How long an answer is served, from when its query was sent; 0 turns the cache off. */
  ttlMs: number;
  /** Most keys kept; the oldest entry goes first. */
  maxEntries: number;
  /** Milliseconds since the epoch. */
  clock: () => number;
}

interface Entry<T> {
  answer: Promise<T>;
  expiresAt: number;
}

/**
 * Key → answer for `ttlMs`, bounded to `maxEntries` keys (oldest first out; a Map keeps insertion
 * order). The answer is cached as its promise from the moment it is asked for, so concurrent misses
 * of one key share one load; a failed load is forgotten. {@link clear} drops every entry, loads in
 * flight included: a caller after it always loads again. Pure: the clock is passed in.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly options: AnswerCacheOptions) {}

  /** How many keys are held (expired ones included until read or pushed out). */
  get size(): number {
    return this.entries.size;
  }

  /** The cached answer of `key`, else `load()`'s (remembered for `ttlMs`). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.options.ttlMs <= 0) return load();
    const now = this.options.clock();
    const cached = this.entries.get(key);
    if (cached !== undefined && cached.expiresAt > now) return cached.answer;
    if (cached !== undefined) this.entries.delete(key);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    const entry: Entry<T> = { answer: load(), expiresAt: now + this.options.ttlMs };
    this.entries.set(key, entry);
    entry.answer.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.answer;
  }

  /** Forgets every answer. */
  clear(): void {
    this.entries.clear();
  }
}
