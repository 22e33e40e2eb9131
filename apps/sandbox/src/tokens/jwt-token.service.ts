import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import jwt from 'jsonwebtoken';
import type { Repository } from 'typeorm';
import { RANDOM_BYTES, type RandomBytes } from '../common/clock';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../config/sandbox-options';
import { JwtRevokedEntity } from '../db/auth-security.entity';
import { SettingsService } from '../settings/settings.service';

/** `UserContextInterface::USER_TYPE_ADMIN` / `USER_TYPE_CUSTOMER`. */
export const USER_TYPE = { admin: 2, customer: 3 } as const;
export type UserTypeName = keyof typeof USER_TYPE;

/** A verified admin or customer token. */
export interface JwtUser {
  type: UserTypeName;
  userId: number;
}

interface MagentoJwtClaims {
  uid: number;
  utypid: number;
  iat: number;
  exp: number;
}

/**
 * Admin and customer tokens as `Magento_JwtUserToken` issues them (MAGENTO.md §3): JWS HS256 with
 * claims `uid`, `utypid`, `iat`, `exp`; TTL in minutes (`webapi/jwtauth/*_expiration`, 30 when ≤ 0);
 * revocation invalidates every token of the user issued at or before it (`RevokedValidator`).
 */
@Injectable()
export class JwtTokenService {
  private secret: Promise<string> | null = null;

  constructor(
    private readonly settings: SettingsService,
    @InjectRepository(JwtRevokedEntity) private readonly revoked: Repository<JwtRevokedEntity>,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
    @Inject(RANDOM_BYTES) private readonly randomBytes: RandomBytes,
  ) {}

  /** Issues a token for the user at `nowMs` (the store's clock). */
  async issue(user: JwtUser, nowMs: number): Promise<string> {
    const global = await this.settings.getGlobal();
    const configured = user.type === 'admin' ? global.adminTokenTtlMinutes : global.customerTokenTtlMinutes;
    const ttlMinutes = configured > 0 ? configured : 30;
    const iat = Math.floor(nowMs / 1000);
    const claims: MagentoJwtClaims = { uid: user.userId, utypid: USER_TYPE[user.type], iat, exp: iat + ttlMinutes * 60 };
    return jwt.sign(claims, await this.getSecret(), { algorithm: 'HS256', noTimestamp: true });
  }

  /**
   * The user of a valid, unexpired, unrevoked token, else null: Magento's `TokenUserContext` swallows
   * the failure and the caller becomes a guest.
   */
  async read(token: string, nowMs: number): Promise<JwtUser | null> {
    let claims: MagentoJwtClaims;
    try {
      claims = jwt.verify(token, await this.getSecret(), { algorithms: ['HS256'], ignoreExpiration: true }) as MagentoJwtClaims;
    } catch {
      return null;
    }
    if (!Number.isInteger(claims.uid) || typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return null;
    const type = claims.utypid === USER_TYPE.admin ? 'admin' : claims.utypid === USER_TYPE.customer ? 'customer' : null;
    if (type === null) return null;
    const revoked = await this.revoked.findOneBy({ userTypeId: claims.utypid, userId: claims.uid });
    if (revoked !== null && claims.iat <= revoked.revokeBefore) return null;
    return { type, userId: claims.uid };
  }

  /** `Revoker::revokeFor()`: every token of the user issued up to now stops working. */
  async revokeAll(user: JwtUser, nowMs: number): Promise<void> {
    await this.revoked.save({ userTypeId: USER_TYPE[user.type], userId: user.userId, revokeBefore: Math.floor(nowMs / 1000) });
  }

  private getSecret(): Promise<string> {
    if (this.options.jwtSecret !== undefined) return Promise.resolve(this.options.jwtSecret);
    this.secret ??= this.settings.getJwtSecret(() => Buffer.from(this.randomBytes(32)).toString('base64url'));
    return this.secret;
  }
}
