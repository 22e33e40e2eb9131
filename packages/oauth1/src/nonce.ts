import { randomUUID } from 'node:crypto';

/** Longest nonce Magento stores (`oauth_nonce.nonce` is varchar(32); longer ones lose replay protection). */
export const MAX_NONCE_LENGTH = 32;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
/** The largest multiple of 36 that fits a byte: bytes from here on are skipped, so `% 36` stays unbiased. */
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);
/** Random bytes read per round, per nonce character (a few are skipped). */
const BYTES_PER_CHAR = 2;

/** A nonce like `Magento\Framework\Oauth\Helper\Oauth::generateRandomString()`'s: unbiased `[0-9a-z]` of a CSPRNG. */
export function generateNonce(randomBytes: (size: number) => Uint8Array, length = MAX_NONCE_LENGTH): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * BYTES_PER_CHAR)) {
      if (byte < UNBIASED_LIMIT) out += ALPHABET[byte % ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * The next nonce: the injected one, else 32 chars of `[0-9a-z]` from `randomBytes`, else 32 hex digits from
 * node:crypto's CSPRNG (`randomUUID`, which reads it in batches: 122 random bits, within `[0-9a-z]{32}`).
 */
export function nextNonce(options: { nonce?: () => string; randomBytes?: (size: number) => Uint8Array }): string {
  if (options.nonce) return options.nonce();
  return options.randomBytes ? generateNonce(options.randomBytes) : randomUUID().replaceAll('-', '');
}
