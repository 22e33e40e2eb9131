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
