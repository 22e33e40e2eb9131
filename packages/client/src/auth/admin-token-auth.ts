import { MagentoClientError } from '../errors/magento-client-error';
import type { AuthContext } from './auth-strategy';
import { createTokenAuth, type TokenAuth, type TokenAuthOptions } from './token-auth';

/** Magento_TwoFactorAuth: how to get the one-time code and where to send it. */
export interface TwoFactorOptions {
  /** Asked for a fresh code each time a token is issued (e.g. a TOTP generator or a human). */
  otp: () => string | Promise<string>;
  /** Provider endpoint; default `/V1/tfa/provider/google/authenticate`. */
  path?: string;
  /** Name of the code field in the body; default `otp` (Google Authenticator). */
  otpField?: string;
}

/** Admin user credentials, optionally with 2FA. */
export interface AdminTokenOptions extends TokenAuthOptions {
  twoFactor?: TwoFactorOptions;
}

export const ADMIN_TOKEN_PATH = '/V1/integration/admin/token';
export const GOOGLE_TFA_PATH = '/V1/tfa/provider/google/authenticate';

/**
 * Admin token auth: `POST /V1/integration/admin/token {username,password}` (docs/magento-behaviour.md §3.1, §3.4, §3.7), the
 * token cached until its JWT `exp` (default TTL 60 min) and refreshed once on 401. When
 * Magento_TwoFactorAuth answers "Please use the 2fa provider-specific endpoints to obtain a
 * token." and `twoFactor` is set, the token comes from the provider endpoint with `{username,password,otp}`.
 *
 * @throws MagentoClientError `BAD_CREDENTIALS` (wrong password or locked), `TWO_FACTOR_REQUIRED`
 *   (no `twoFactor`), `TWO_FACTOR_NOT_CONFIGURED` (the user must set up 2FA from the e-mail first).
 */
export function createAdminTokenAuth(options: AdminTokenOptions): TokenAuth {
  checkCredentials(options);
  const credentials = { username: options.username, password: options.password };
  return createTokenAuth(
    'admin-token',
    async (context: AuthContext, signal?: AbortSignal) => {
      try {
        return await context.postAnonymous(ADMIN_TOKEN_PATH, credentials, signal);
      } catch (error) {
        if (!(error instanceof MagentoClientError) || error.code !== 'TWO_FACTOR_REQUIRED' || !options.twoFactor)
          throw error;
        const { otp, path = GOOGLE_TFA_PATH, otpField = 'otp' } = options.twoFactor;
        return context.postAnonymous(path, { ...credentials, [otpField]: await otp() }, signal);
      }
    },
    options,
  );
}

/**
 * Customer token auth: `POST /V1/integration/customer/token {username,password}` (docs/magento-behaviour.md §3.1, §3.4),
 * cached until its JWT `exp`, refreshed once on 401. Revoke with {@link revokeCustomerToken}.
 *
 * @throws MagentoClientError `BAD_CREDENTIALS` (wrong password, locked, or e-mail not confirmed).
 */
export function createCustomerTokenAuth(options: TokenAuthOptions): TokenAuth {
  checkCredentials(options);
  const credentials = { username: options.username, password: options.password };
  return createTokenAuth(
    'customer-token',
    (context, signal) => context.postAnonymous('/V1/integration/customer/token', credentials, signal),
    options,
  );
}

function checkCredentials(options: TokenAuthOptions): void {
  const missing = (['username', 'password'] as const).filter(
    (name) => typeof options?.[name] !== 'string' || options[name] === '',
  );
  if (missing.length > 0)
    throw new MagentoClientError(`Token auth is missing ${missing.join(' and ')}.`, 'INVALID_INPUT');
}
