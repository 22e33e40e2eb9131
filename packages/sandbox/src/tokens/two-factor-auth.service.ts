import { Injectable } from '@nestjs/common';
import { MagentoException } from '../common/magento-exception';
import type { AdminUserEntity } from '../db/user-account.entity';
import { SettingsService } from '../settings/settings.service';
import { AdminTokenService } from './admin-token.service';
import { verifyGoogleOtp } from './google-otp';

/** `Magento\TwoFactorAuth` messages (magento/security-package, the release shipped with 2.4.6-p1). */
export const TFA_MESSAGES = {
  useProviderEndpoints: 'Please use the 2fa provider-specific endpoints to obtain a token.',
  configureFirst:
    'You are required to configure personal Two-Factor Authorization in order to login. Please check your email.',
  providerNotConfigured: 'Provider is not configured.',
  invalidCode: 'Invalid code.',
} as const;

/** The providers the sandbox forces (`twofactorauth/general/force_providers`): Google Authenticator only. */
const FORCED_PROVIDERS = ['google'] as const;

/**
 * Magento_TwoFactorAuth for the REST token routes, on when `GlobalSettings.twoFactorAuth` is.
 * - `POST /V1/integration/admin/token` (`TwoFactorAuth\Model\AdminAccessTokenService`): the core
 *   service runs first (so bad credentials, input errors and the lockout answer as without 2FA, and a
 *   success resets the failure count), then a `LocalizedException` (400) tells the caller to use a
 *   provider endpoint, with `active_providers`; an admin without a Google secret is told to configure
 *   2FA (`providers`, `active_providers`).
 * - `POST /V1/tfa/provider/google/authenticate` (`Engine\Google\Authenticate::createAdminAccessToken`):
 *   the core service, then the provider must be configured for the admin (400), then the code
 *   (`AuthorizationException` 401 `Invalid code.`); returns the core service's token.
 * With 2FA off the module counts as disabled: the admin route is the core one and the provider route
 * does not exist (404 `Request does not match any route.`).
 */
@Injectable()
export class TwoFactorAuthService {
  constructor(
    private readonly settings: SettingsService,
    private readonly adminTokens: AdminTokenService,
  ) {}

  async createAdminAccessToken(username: string, password: string, nowMs: number): Promise<string> {
    const { token, admin } = await this.adminTokens.createToken(username, password, nowMs);
    if (!(await this.settings.getGlobal()).twoFactorAuth) return token;
    const activeProviders = activeProvidersOf(admin);
    if (activeProviders.length === FORCED_PROVIDERS.length)
      throw new MagentoException(400, TFA_MESSAGES.useProviderEndpoints, { active_providers: activeProviders });
    // Magento e-mails the admin a configuration link here (`UserConfigRequestManager::sendConfigRequestTo`).
    throw new MagentoException(400, TFA_MESSAGES.configureFirst, {
      providers: [...FORCED_PROVIDERS],
      active_providers: activeProviders,
    });
  }

  async createAdminAccessTokenWithGoogle(
    username: string,
    password: string,
    otp: string,
    nowMs: number,
  ): Promise<string> {
    const { token, admin } = await this.adminTokens.createToken(username, password, nowMs);
    if (!activeProvidersOf(admin).includes('google'))
      throw new MagentoException(400, TFA_MESSAGES.providerNotConfigured);
    if (!verifyGoogleOtp(admin.tfaSecret, otp, nowMs)) throw new MagentoException(401, TFA_MESSAGES.invalidCode);
    return token;
  }

  /** Whether Magento_TwoFactorAuth is enabled (else its routes do not exist). */
  async isEnabled(): Promise<boolean> {
    return (await this.settings.getGlobal()).twoFactorAuth;
  }
}

/** Google is active for an admin who has a secret (`Engine\Google` keeps it in the user's 2FA config). */
function activeProvidersOf(admin: AdminUserEntity): string[] {
  return admin.tfaSecret !== '' ? ['google'] : [];
}
