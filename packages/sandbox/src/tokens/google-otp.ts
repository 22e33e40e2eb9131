import { authenticator } from 'otplib';

/**
 * Time steps accepted on either side of the current one. Magento's `Engine\Google::verify()` passes the
 * admin's configured window/leeway to `OTPHP\TOTP::verify()`; one 30-second step each way is the
 * sandbox's choice (the exact default differs between security-package releases).
 */
export const GOOGLE_OTP_WINDOW = 1;

/**
 * Checks a Google Authenticator code (RFC 6238: SHA-1, 6 digits, 30 s) for a base32 secret at `nowMs`
 * on the store's clock. An empty code (or `"0"`, falsy in PHP) is refused without a check, as
 * `Engine\Google::verify()` does; malformed codes are refused, never thrown.
 */
export function verifyGoogleOtp(secret: string, otp: string, nowMs: number): boolean {
  if (otp === '' || otp === '0') return false;
  try {
    return authenticator.clone({ epoch: nowMs, window: GOOGLE_OTP_WINDOW }).check(otp, secret);
  } catch {
    return false;
  }
}
