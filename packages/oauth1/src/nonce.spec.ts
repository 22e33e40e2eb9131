import { randomBytes } from 'node:crypto';
import { generateNonce } from './nonce';

/** A deterministic byte source: `size` bytes per call, continuing one sequence. */
function createBytes(seed: number, asArray = false) {
  let state = seed;
  const calls: number[] = [];
  const next = (size: number) => {
    calls.push(size);
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      out[i] = (state >> 16) & 255;
    }
    return asArray ? (Array.from(out) as unknown as Uint8Array) : out;
  };
  return { next, calls };
}

/** The nonce rule spelled out: bytes below 252 map to [0-9a-z] by `% 36`, the others are skipped. */
function expectedNonce(seed: number, length: number): string {
  const source = createBytes(seed);
  let out = '';
  while (out.length < length) {
    for (const byte of source.next(length * 2)) {
      if (byte < 252) out += '0123456789abcdefghijklmnopqrstuvwxyz'[byte % 36];
      if (out.length === length) break;
    }
  }
  return out;
}

describe('generateNonce', () => {
  it.each([0, 1, 32, 40, 300])('takes bytes below 252, mod 36, for a length of %i', (length) => {
    for (const seed of [1, 2, 3, 4, 5])
      expect(generateNonce(createBytes(seed).next, length)).toBe(expectedNonce(seed, length));
  });

  it('reads the same from any iterable of bytes as from a Uint8Array', () => {
    for (const seed of [6, 7, 8])
      expect(generateNonce(createBytes(seed, true).next, 32)).toBe(generateNonce(createBytes(seed).next, 32));
  });

  it('skips bytes 252–255 (which would bias the alphabet) and asks for more when it runs short', () => {
    const source = createBytes(9);
    let first = true;
    const skewed = (size: number) => {
      if (!first) return source.next(size);
      first = false;
      return new Uint8Array(size).fill(255).fill(0, 0, 3);
    };
    expect(generateNonce(skewed, 32)).toMatch(/^000[0-9a-z]{29}$/);
  });

  it('gives fresh [0-9a-z]{32} nonces from node:crypto', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => generateNonce(randomBytes)));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-z]{32}$/);
  });
});
