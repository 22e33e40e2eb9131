/** Longest nonce Magento stores (`oauth_nonce.nonce` is varchar(32); longer ones lose replay protection). */
export const MAX_NONCE_LENGTH = 32;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
/** The largest multiple of 36 that fits a byte: bytes from here on are skipped, so `% 36` stays unbiased. */
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);
/** Random bytes read per round, per nonce character (a few are skipped). */
const BYTES_PER_CHAR = 2;

/**
 * A nonce like Magento's own (`Magento\Framework\Oauth\Helper\Oauth::generateRandomString()`):
 * `length` chars of `[0-9a-z]`, unbiased, from the given CSPRNG.
 */
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
