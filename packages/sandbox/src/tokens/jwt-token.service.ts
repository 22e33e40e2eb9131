import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import jwt from 'jsonwebtoken';
import { createHmac } from 'node:crypto';
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

/** The protected header Magento's `JwtManager` writes (`{"kid":"1","alg":"HS256"}`), in its order. */
const MAGENTO_JWS_HEADER = { kid: '1', alg: 'HS256' } as const;

interface MagentoJwtClaims {
  uid: number;
  utypid: number;
  iat: number;
  exp: number;
}

/**
 * Admin and customer tokens as `Magento_JwtUserToken` issues them (docs/magento-behaviour.md §3.4): compact JWS HS256
 * with header `{"kid":"1","alg":"HS256"}` and claims `uid`, `utypid`, `iat`, `exp` in that order; TTL
 * in minutes (`webapi/jwtauth/*_expiration`, 30 when ≤ 0); a token is expired once `exp <= now`
 * (`ExpirationValidator`); revocation invalidates every token of the user issued at or before it
 * (`RevokedValidator`: `iat <= revoked.before`).
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
    const claims: MagentoJwtClaims = {
      uid: user.userId,
      utypid: USER_TYPE[user.type],
      iat,
      exp: iat + ttlMinutes * 60,
    };
    return signHs256(claims, await this.getSecret());
  }

  /**
   * The user of a valid, unexpired, unrevoked token, else null: Magento's `TokenUserContext` swallows
   * the failure and the caller becomes a guest.
   */
  async read(token: string, nowMs: number): Promise<JwtUser | null> {
    let claims: MagentoJwtClaims;
    try {
      claims = jwt.verify(token, await this.getSecret(), {
        algorithms: ['HS256'],
        ignoreExpiration: true,
      }) as MagentoJwtClaims;
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
    await this.revoked.save({
      userTypeId: USER_TYPE[user.type],
      userId: user.userId,
      revokeBefore: Math.floor(nowMs / 1000),
    });
  }

  private getSecret(): Promise<string> {
    if (this.options.jwtSecret !== undefined) return Promise.resolve(this.options.jwtSecret);
    this.secret ??= this.settings.getJwtSecret(() => Buffer.from(this.randomBytes(32)).toString('base64url'));
    return this.secret;
  }
}

function encodeSegment(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A compact JWS with Magento's header bytes (jsonwebtoken would add `typ` and reorder them). */
function signHs256(claims: MagentoJwtClaims, secret: string): string {
  const signingInput = `${encodeSegment(MAGENTO_JWS_HEADER)}.${encodeSegment(claims)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}
