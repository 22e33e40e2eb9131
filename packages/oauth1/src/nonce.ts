const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Longest nonce Magento stores (`oauth_nonce.nonce` is varchar(32); longer ones lose replay protection). */
export const MAX_NONCE_LENGTH = 32;

/**
 * A nonce like Magento's own: `length` chars of `[0-9a-z]`, unbiased, from the given CSPRNG.
 */
export function generateNonce(randomBytes: (size: number) => Uint8Array, length = MAX_NONCE_LENGTH): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 252) out += ALPHABET[byte % 36];
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * Wraps a CSPRNG so that small reads come from a pooled block (one system call per 4 KiB instead of
 * one per nonce). The bytes are still the CSPRNG's, each used once.
 */
export function createPooledRandomBytes(randomBytes: (size: number) => Uint8Array, poolSize = 4096): (size: number) => Uint8Array {
  let pool: Uint8Array = new Uint8Array(0);
  let offset = 0;
  return (size) => {
    if (size > poolSize) return randomBytes(size);
    if (offset + size > pool.length) {
      pool = randomBytes(poolSize);
      offset = 0;
    }
    const out = pool.subarray(offset, offset + size);
    offset += size;
    return out;
  };
}
