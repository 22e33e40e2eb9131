import { AnswerCache } from './answer-cache';

function setup(ttlMs = 1000, maxEntries = 3) {
  let now = 0;
  let loads = 0;
  const cache = new AnswerCache<string>({ ttlMs, maxEntries, clock: () => now });
  const load = (answer: string) => () => {
    loads++;
    return Promise.resolve(answer);
  };
  return { cache, load, loads: () => loads, advance: (ms: number) => (now += ms) };
}

describe('AnswerCache', () => {
  it('answers a key from memory until ttlMs after its load started', async () => {
    const { cache, load, loads, advance } = setup();
    expect(await cache.get('a', load('first'))).toBe('first');
    advance(999);
    expect(await cache.get('a', load('second'))).toBe('first');
    advance(1);
    expect(await cache.get('a', load('third'))).toBe('third');
    expect(loads()).toBe(2);
  });

  it('shares one load between concurrent misses of a key', async () => {
    const { cache, load, loads } = setup();
    const answers = await Promise.all([
      cache.get('a', load('x')),
      cache.get('a', load('y')),
      cache.get('b', load('z')),
    ]);
    expect(answers).toEqual(['x', 'x', 'z']);
    expect(loads()).toBe(2);
  });

  it('keeps at most maxEntries keys, the oldest out first', async () => {
    const { cache, load, loads } = setup(1000, 2);
    await cache.get('a', load('a1'));
    await cache.get('b', load('b1'));
    await cache.get('c', load('c1'));
    expect(cache.size).toBe(2);
    expect(await cache.get('b', load('b2'))).toBe('b1');
    expect(await cache.get('a', load('a2'))).toBe('a2');
    expect(loads()).toBe(4);
  });

  it('forgets everything on clear, a load in flight included', async () => {
    const { cache, load } = setup();
    let release: (value: string) => void = () => undefined;
    const inFlight = cache.get('a', () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear();
    expect(await cache.get('a', load('after'))).toBe('after');
    release('before');
    expect(await inFlight).toBe('before');
    expect(await cache.get('a', load('later'))).toBe('after');
  });

  it('does not keep a failed load', async () => {
    const { cache, load } = setup();
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', load('up'))).toBe('up');
  });

  it('loads every time with ttlMs 0', async () => {
    const { cache, load, loads } = setup(0);
    await cache.get('a', load('1'));
    expect(await cache.get('a', load('2'))).toBe('2');
    expect(loads()).toBe(2);
    expect(cache.size).toBe(0);
  });
});
