import { latin1String } from './php-string';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Longest nonce Magento stores (`oauth_nonce.nonce` is varchar(32); longer ones lose replay protection). */
export const MAX_NONCE_LENGTH = 32;

/**
 * A nonce like Magento's own: `length` chars of `[0-9a-z]`, unbiased, from the given CSPRNG.
 */
export function generateNonce(randomBytes: (size: number) => Uint8Array, length = MAX_NONCE_LENGTH): string {
  if (!Number.isInteger(length) || length < 0 || length > MAX_FAST_LENGTH) return generateNonceSlowly(randomBytes, length);
  let count = 0;
  while (count < length) {
    const bytes = randomBytes(length * 2);
    if (!(bytes instanceof Uint8Array)) return generateNonceSlowly(randomBytes, length, latin1String(nonceChars, 0, count), bytes);
    for (let i = 0; i < bytes.length && count < length; i++) {
      const byte = bytes[i];
      if (byte < 252) nonceChars[count++] = ALPHABET_CODES[byte % 36];
    }
  }
  return latin1String(nonceChars, 0, count);
}

const ALPHABET_CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
const MAX_FAST_LENGTH = 256;
const nonceChars = Buffer.allocUnsafe(MAX_FAST_LENGTH);

/** The general loop (any length, any iterable of bytes), resuming from `out` with `pending` bytes first. */
function generateNonceSlowly(randomBytes: (size: number) => Uint8Array, length: number, out = '', pending?: Iterable<number>): string {
  let bytes = pending;
  while (out.length < length) {
    for (const byte of bytes ?? randomBytes(length * 2)) {
      if (byte < 252) out += ALPHABET[byte % 36];
      if (out.length === length) break;
    }
    bytes = undefined;
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
