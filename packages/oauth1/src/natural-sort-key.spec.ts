import { encodedNaturalSortKey, naturalSortKey } from './natural-sort-key';
import { compareEncodedNamesNaturally, strnatcmp } from './php-natural-compare';
import { rawurlencode } from './php-string';

/** A small deterministic PRNG, so that failures replay. */
function createRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const PIECES = ['0', '00', '1', '2', '9', '10', '01', '007', '99', 'a', 'B', '_', '-', '.', '~', '[', ']', '%', '%5B', '%5D', '/', ' ', 'é'];

function randomNames(seed: number, count: number): string[] {
  const random = createRandom(seed);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    let name = '';
    const length = Math.floor(random() * 7);
    for (let i = 0; i < length; i++) name += PIECES[Math.floor(random() * PIECES.length)];
    names.push(name);
  }
  return names;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

describe('natural sort keys', () => {
  it('order names as strnatcmp does, for every pair that has keys', () => {
    const names = randomNames(7, 400);
    let compared = 0;
    for (const a of names) {
      for (const b of names) {
        const ka = naturalSortKey(a);
        const kb = naturalSortKey(b);
        if (ka === null || kb === null) continue;
        compared++;
        if (compareKeys(ka, kb) !== strnatcmp(a, b)) throw new Error(`key order differs from strnatcmp for ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }
    }
    expect(compared).toBeGreaterThan(50_000);
  });

  it('have none where strnatcmp does not read names in step (whitespace, a leading 0 before a digit)', () => {
    expect(naturalSortKey('a b1')).toBeNull();
    expect(naturalSortKey('07')).toBeNull();
    expect(naturalSortKey('0x7')).not.toBeNull();
    expect(naturalSortKey('a\t')).toBeNull();
    expect(naturalSortKey('oauth_nonce')).toBe('oauth_nonce');
  });

  it('put a9 before a10 and %5B2%5D before %5B10%5D', () => {
    expect(compareKeys(naturalSortKey('a9') as string, naturalSortKey('a10') as string)).toBe(-1);
    expect(compareKeys(naturalSortKey('f%5B2%5D') as string, naturalSortKey('f%5B10%5D') as string)).toBe(-1);
  });

  it('of encoded names are computed from the raw name in one pass', () => {
    for (const name of randomNames(11, 3000)) {
      expect(encodedNaturalSortKey(name)).toBe(naturalSortKey(rawurlencode(name)));
    }
  });
});

describe('compareEncodedNamesNaturally', () => {
  it('equals strnatcmp on percent-encoded names (resuming after the common prefix)', () => {
    const names = randomNames(13, 300).map(rawurlencode);
    for (const a of names) {
      for (const b of names) {
        if (compareEncodedNamesNaturally(a, b) !== strnatcmp(a, b)) throw new Error(`differs for ${a} vs ${b}`);
      }
    }
    expect(names.length).toBe(300);
  });
});
