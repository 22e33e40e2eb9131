import { selectEvictions, type EvictionCandidate, type StoreClientEvictionPolicy } from './store-client-eviction';

const POLICY: StoreClientEvictionPolicy = { idleMs: 300_000, imsIdleMs: 7_200_000, maxEntries: 3 };
const NOW = 10_000_000;

/** An entry last used `idleFor` ms ago, with calls running or waiting. */
function entry(idleFor: number, { active = 0, waiting = 0, ims = false } = {}): EvictionCandidate {
  return { authKind: ims ? 'ims' : 'oauth1', limiter: { active, waiting, lastUsedAt: NOW - idleFor } };
}

describe('selectEvictions', () => {
  it('lets go of idle entries unused for longer than idleMs, and of nothing else under the cap', () => {
    const entries = new Map([
      ['old', entry(300_001)],
      ['recent', entry(300_000)],
    ]);
    expect(selectEvictions(entries, NOW, POLICY)).toEqual(['old']);
  });

  it('never lets go of an entry with a call running or waiting, however old or over the cap', () => {
    const entries = new Map([
      ['running', entry(9_000_000, { active: 1 })],
      ['waiting', entry(9_000_000, { waiting: 2 })],
      ['a', entry(1, { active: 4 })],
      ['b', entry(1, { active: 1 })],
    ]);
    expect(selectEvictions(entries, NOW, POLICY)).toEqual([]);
  });

  it('keeps an ims entry idle for imsIdleMs (its client holds an IMS token), and never for less than idleMs', () => {
    const entries = new Map([
      ['ims-hour', entry(3_600_000, { ims: true })],
      ['ims-day', entry(7_200_001, { ims: true })],
      ['oauth-hour', entry(3_600_000)],
    ]);
    expect(selectEvictions(entries, NOW, POLICY)).toEqual(['ims-day', 'oauth-hour']);
    expect(
      selectEvictions(new Map([['ims', entry(400_000, { ims: true })]]), NOW, { ...POLICY, imsIdleMs: 1 }),
    ).toEqual(['ims']);
  });

  it('beyond maxEntries lets go of the least recently used idle entries first, skipping busy ones', () => {
    const entries = new Map([
      ['newest', entry(10)],
      ['oldest-busy', entry(50, { active: 1 })],
      ['older', entry(40)],
      ['old', entry(30)],
      ['new', entry(20)],
    ]);
    // Five entries, cap three: the two least recently used idle ones go.
    expect(selectEvictions(entries, NOW, POLICY)).toEqual(['older', 'old']);
    // A lower target (the registry's overflow evicts down to 90% of the cap).
    expect(selectEvictions(entries, NOW, POLICY, 1)).toEqual(['older', 'old', 'new', 'newest']);
  });

  it('counts expired entries toward the cap and keeps pinned stores', () => {
    const entries = new Map([
      ['expired', entry(400_000)],
      ['pinned', entry(500_000)],
      ['a', entry(3)],
      ['b', entry(2)],
      ['c', entry(1)],
    ]);
    expect(selectEvictions(entries, NOW, POLICY, POLICY.maxEntries, new Set(['pinned']))).toEqual(['expired', 'a']);
  });
});
