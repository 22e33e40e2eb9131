import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { MagentoException, SIGN_IN_FAILED } from '../common/magento-exception';
import { verifyPassword } from '../common/password';
import { AdminUserEntity } from '../db/user-account.entity';
import { JwtTokenService } from './jwt-token.service';
import { RequestThrottlerService, THROTTLED_USER_TYPE } from './request-throttler.service';
import { validateCredentials } from './service-input';

/** An issued admin token and the admin it is for. */
export interface IssuedAdminToken {
  token: string;
  admin: AdminUserEntity;
}

/**
 * `Magento\Integration\Model\AdminTokenService::createAdminAccessToken()` (docs/magento-behaviour.md §3.2–§3.3):
 * `CredentialsValidator`, the request throttler, `User::login()`, then a JWT. A wrong username or
 * password counts as a failure; an inactive admin with the right password gets the same message from
 * `User::verifyIdentity()` without counting one (the exception leaves before the throttler logs it).
 */
@Injectable()
export class AdminTokenService {
  constructor(
    @InjectRepository(AdminUserEntity) private readonly admins: Repository<AdminUserEntity>,
    private readonly throttler: RequestThrottlerService,
    private readonly jwt: JwtTokenService,
  ) {}

  /**
   * @param nowMs the store's clock
   * @throws MagentoException 400 required fields, 401 {@link SIGN_IN_FAILED}
   */
  async createToken(username: string, password: string, nowMs: number): Promise<IssuedAdminToken> {
    validateCredentials(username, password);
    await this.throttler.throttle(username, THROTTLED_USER_TYPE.admin, nowMs);
    const admin = await this.login(username, password);
    if (admin === null) {
      await this.throttler.logFailure(username, THROTTLED_USER_TYPE.admin, nowMs);
      throw new MagentoException(401, SIGN_IN_FAILED);
    }
    await this.throttler.reset(username, THROTTLED_USER_TYPE.admin);
    return { token: await this.jwt.issue({ type: 'admin', userId: admin.id }, nowMs), admin };
  }

  /**
   * `User::authenticate()`: the user by name (case-insensitive, `admin/security/use_case_sensitive_login`
   * is off by default), the password, then `is_active`.
   */
  private async login(username: string, password: string): Promise<AdminUserEntity | null> {
    const admin = await this.admins
      .createQueryBuilder('admin')
      .where('LOWER(admin.username) = LOWER(:username)', { username })
      .getOne();
    if (admin === null || !(await verifyPassword(password, admin.passwordHash))) return null;
    if (!admin.isActive) throw new MagentoException(401, SIGN_IN_FAILED);
    return admin;
  }
}
