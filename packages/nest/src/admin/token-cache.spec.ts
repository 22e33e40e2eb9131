import { TokenCache } from './token-cache';

describe('TokenCache', () => {
  const alice = { tokenId: 'id-a', name: 'alice' };
  const bob = { tokenId: 'id-b', name: 'bob' };
  const carol = { tokenId: 'id-c', name: 'carol' };

  function cacheAt(ttlMs = 5000, maxEntries = 3) {
    let now = 1_000_000;
    const cache = new TokenCache({ ttlMs, maxEntries, clock: () => now });
    return { cache, advance: (ms: number) => (now += ms) };
  }

  it('answers a cached caller until its TTL has passed, then forgets it', () => {
    const { cache, advance } = cacheAt();
    cache.set('hash-a', alice);
    expect(cache.get('hash-a')).toEqual(alice);
    advance(4999);
    expect(cache.get('hash-a')).toEqual(alice);
    advance(1);
    expect(cache.get('hash-a')).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('does not extend the TTL on a hit', () => {
    const { cache, advance } = cacheAt();
    cache.set('hash-a', alice);
    advance(3000);
    expect(cache.get('hash-a')).toEqual(alice);
    advance(2000);
    expect(cache.get('hash-a')).toBeNull();
  });

  it('pushes out the least recently used entry when full', () => {
    const { cache } = cacheAt(5000, 2);
    cache.set('hash-a', alice);
    cache.set('hash-b', bob);
    expect(cache.get('hash-a')).toEqual(alice); // a is now the most recent
    cache.set('hash-c', carol);
    expect(cache.get('hash-b')).toBeNull();
    expect(cache.get('hash-a')).toEqual(alice);
    expect(cache.get('hash-c')).toEqual(carol);
    expect(cache.size).toBe(2);
  });

  it('evicts revoked token ids and counts a new generation', () => {
    const { cache } = cacheAt();
    cache.set('hash-a', alice);
    cache.set('hash-b', bob);
    const before = cache.generation;
    expect(cache.evictTokens(['id-a', 'id-unknown'])).toBe(1);
    expect(cache.get('hash-a')).toBeNull();
    expect(cache.get('hash-b')).toEqual(bob);
    expect(cache.generation).toBe(before + 1);
    cache.clear();
    expect(cache.get('hash-b')).toBeNull();
    expect(cache.generation).toBe(before + 2);
  });

  it('caches nothing with a TTL of 0', () => {
    const { cache } = cacheAt(0);
    expect(cache.enabled).toBe(false);
    cache.set('hash-a', alice);
    expect(cache.get('hash-a')).toBeNull();
    expect(cache.size).toBe(0);
  });
});
