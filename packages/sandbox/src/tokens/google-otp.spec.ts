import { verifyGoogleOtp } from './google-otp';

/** RFC 6238 appendix B, SHA-1: the secret "12345678901234567890" in base32, six-digit codes (last six of the eight). */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: Array<[number, string]> = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
  [20000000000, '353130'],
];

describe('verifyGoogleOtp (Google Authenticator TOTP on the store clock)', () => {
  it.each(RFC_VECTORS)('accepts the RFC 6238 code at T = %p s', (seconds, code) => {
    expect(verifyGoogleOtp(RFC_SECRET, code, seconds * 1000)).toBe(true);
  });

  it('accepts one 30 s step either side and refuses two', () => {
    const at = 1111111111 * 1000;
    expect(verifyGoogleOtp(RFC_SECRET, '050471', at + 30_000)).toBe(true);
    expect(verifyGoogleOtp(RFC_SECRET, '050471', at - 30_000)).toBe(true);
    expect(verifyGoogleOtp(RFC_SECRET, '050471', at + 60_000)).toBe(false);
    expect(verifyGoogleOtp(RFC_SECRET, '050471', at - 60_000)).toBe(false);
  });

  it.each(['', '0', 'abcdef', '12345', '0504711', ' 050471'])('refuses %p without throwing', (code) => {
    expect(verifyGoogleOtp(RFC_SECRET, code, 1111111111 * 1000)).toBe(false);
  });

  it('refuses any code for a malformed secret instead of throwing', () => {
    expect(verifyGoogleOtp('not base32 !!', '050471', 1111111111 * 1000)).toBe(false);
  });
});
