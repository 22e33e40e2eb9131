import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { MagentoException, SIGN_IN_FAILED } from '../common/magento-exception';
import { TokenRequestLogEntity } from '../db/auth-security.entity';
import { SettingsService } from '../settings/settings.service';

/**
 * `RequestThrottler::USER_TYPE_*`, the values Magento writes to `oauth_token_request_log.user_type`
 * (note: the reverse of `UserContextInterface`, where admin is 2 and customer 3).
 */
export const THROTTLED_USER_TYPE = { customer: 2, admin: 3 } as const;
export type ThrottledUserType = (typeof THROTTLED_USER_TYPE)[keyof typeof THROTTLED_USER_TYPE];

/**
 * Magento's token-request lockout (`Integration\Model\Oauth\Token\RequestThrottler` over
 * `ResourceModel\Oauth\Token\RequestLog`), on the store's clock:
 * - `throttle()` counts the failures of (username, user type) whose `lock_expires_at` is still in the
 *   future and refuses with the sign-in message once the count reaches `lockoutMaxFailures`
 *   (`oauth/authentication_lock/max_failures_count`, default 6), even before the password is checked;
 * - every failure adds one and moves `lock_expires_at` to now + `lockoutSeconds` (default 1800);
 * - a success deletes the row.
 * A row whose lock has expired counts as gone (Magento's `outdated_authentication_failures_cleanup`
 * cron deletes it within a minute). Usernames are compared case-insensitively, as MySQL's default
 * collation compares `user_name`.
 */
@Injectable()
export class RequestThrottlerService {
  constructor(
    @InjectRepository(TokenRequestLogEntity) private readonly log: Repository<TokenRequestLogEntity>,
    private readonly settings: SettingsService,
  ) {}

  /** @throws MagentoException 401 {@link SIGN_IN_FAILED} while the account is locked. */
  async throttle(userName: string, userType: ThrottledUserType, nowMs: number): Promise<void> {
    const { lockoutMaxFailures } = await this.settings.getGlobal();
    if ((await this.failuresCount(userName, userType, nowMs)) >= lockoutMaxFailures)
      throw new MagentoException(401, SIGN_IN_FAILED);
  }

  /** `RequestLog::getFailuresCount()`: failures whose lock has not expired. */
  async failuresCount(userName: string, userType: ThrottledUserType, nowMs: number): Promise<number> {
    const row = await this.log.findOneBy({ userName: normalise(userName), userType });
    return row !== null && row.lockExpiresAt !== null && row.lockExpiresAt > toSeconds(nowMs) ? row.failuresCount : 0;
  }

  /** `logAuthenticationFailure()`: one more failure, the lock moved to now + `lockoutSeconds` (one atomic upsert). */
  async logFailure(userName: string, userType: ThrottledUserType, nowMs: number): Promise<void> {
    const { lockoutSeconds } = await this.settings.getGlobal();
    const now = toSeconds(nowMs);
    await this.log.query(
      'INSERT INTO oauth_token_request_log (user_name, user_type, failures_count, lock_expires_at) VALUES (?, ?, 1, ?) ' +
        'ON CONFLICT (user_name, user_type) DO UPDATE SET ' +
        'failures_count = CASE WHEN lock_expires_at > ? THEN failures_count + 1 ELSE 1 END, lock_expires_at = excluded.lock_expires_at',
      [normalise(userName), userType, now + lockoutSeconds, now],
    );
  }

  /** `resetAuthenticationFailuresCount()`: a successful sign-in unlocks the account. */
  async reset(userName: string, userType: ThrottledUserType): Promise<void> {
    await this.log.delete({ userName: normalise(userName), userType });
  }
}

function normalise(userName: string): string {
  return userName.toLowerCase();
}

function toSeconds(nowMs: number): number {
  return Math.floor(nowMs / 1000);
}
