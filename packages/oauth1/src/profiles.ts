/**
 * Magento's OAuth signature code lines (docs/magento-behaviour.md §0):
 * - `latest`: current 2.4-develop (`Helper\Utility` → native `Helper\Signature\Hmac`), expected in
 *   2.4.8+/2.4.9: sorts decoded keys byte-wise, signs the path and `Host` header verbatim.
 * - `laminas`: 2.4.4, 2.4.5, 2.4.6 and their patches (`Laminas\OAuth\Http\Utility`): natural key
 *   order, lower-cased host without default port, `%2F`/`%2B`/`%26` decoded in the path, `+` in a
 *   query kept literal, value-less keys and values with a raw `=` not signed.
 * Both accept HMAC-SHA256 only. ≤ 2.4.3 also accepted HMAC-SHA1 (Laminas/Zend, not modelled here).
 */
export type SignatureProfile = 'latest' | 'laminas';

/** Both profiles, newest first. */
export const SIGNATURE_PROFILES: readonly SignatureProfile[] = ['latest', 'laminas'];

/** Human description of each profile: the Magento versions it stands for. */
export const PROFILE_VERSIONS: Readonly<Record<SignatureProfile, string>> = {
  latest: 'Magento 2.4-develop signature code (2.4.8+/2.4.9; native Helper\\Signature\\Hmac)',
  laminas: 'Magento 2.4.4 – 2.4.6 and patches (Laminas\\OAuth\\Http\\Utility)',
};

/** Whether a value names a profile. */
export function isSignatureProfile(value: unknown): value is SignatureProfile {
  return SIGNATURE_PROFILES.includes(value as SignatureProfile);
}
