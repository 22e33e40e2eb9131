import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { Strategy } from 'passport-http-bearer';
import { IsNull, type Repository } from 'typeorm';
import { sha256Hex } from '../crypto/token-hash';
import { ApiTokenEntity } from '../entities/api-token.entity';
import { MAGEKIT_CLOCK } from '../tokens';

/** The authenticated caller of the admin API. */
export interface ApiCaller {
  tokenId: string;
  name: string;
}

/** Passport name of the admin API's bearer strategy. */
export const BEARER_STRATEGY = 'magekit-bearer';

/** `Authorization: Bearer <token>` against the stored SHA-256 of live API tokens. */
@Injectable()
export class ApiBearerStrategy extends PassportStrategy(Strategy, BEARER_STRATEGY) {
  constructor(
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {
    super();
  }

  async validate(token: string): Promise<ApiCaller | false> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 200) return false;
    const found = await this.tokens.findOneBy({ tokenHash: sha256Hex(token), revokedAt: IsNull() });
    if (!found) return false;
    await this.tokens.update({ id: found.id }, { lastUsedAt: new Date(this.clock()) });
    return { tokenId: found.id, name: found.name };
  }
}
