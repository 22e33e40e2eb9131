/**
 * Magento's OAuth signature code lines (docs/magento-behaviour.md §0): `latest`, 2.4-develop (2.4.8+, native
 * `Helper\Signature\Hmac`), and `laminas`, 2.4.4–2.4.6 and patches (`Laminas\OAuth\Http\Utility`).
 */
export type SignatureProfile = 'latest' | 'laminas';

export const SIGNATURE_PROFILES: readonly SignatureProfile[] = ['latest', 'laminas'];

/** The Magento versions each profile stands for. */
export const PROFILE_VERSIONS: Readonly<Record<SignatureProfile, string>> = {
  latest: 'Magento 2.4-develop signature code (2.4.8+/2.4.9; native Helper\\Signature\\Hmac)',
  laminas: 'Magento 2.4.4 – 2.4.6 and patches (Laminas\\OAuth\\Http\\Utility)',
};

/** Whether a value names a profile. */
export function isSignatureProfile(value: unknown): value is SignatureProfile {
  return SIGNATURE_PROFILES.includes(value as SignatureProfile);
}
