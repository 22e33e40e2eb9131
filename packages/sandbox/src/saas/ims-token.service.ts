import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Repository } from 'typeorm';
import { ActivityLogService } from '../admin/activity-log.service';
import { CLOCK, RANDOM_BYTES, type Clock, type RandomBytes } from '../common/clock';
import type { ImsCredentialEntity } from './ims-credential.entity';
import { ImsCredentialsService } from './ims-credentials.service';
import { ImsTokenEntity } from './ims-token.entity';
import { buildImsAccessToken, hashImsToken, imsTokenId, technicalAccountId } from './ims-token-format';
import {
  checkImsTokenForm,
  checkScopes,
  invalidClient,
  splitScopes,
  type ImsErrorAnswer,
  type ImsTokenForm,
} from './ims-token-request';

/** IMS's answer to a good token request. */
export interface ImsTokenAnswer {
  status: 200;
  body: { access_token: string; token_type: 'bearer'; expires_in: number };
}

/**
 * The sandbox's stand-in for Adobe IMS's token endpoint (docs/magento-behaviour.md §11.2, §11.6):
 * the client-credentials grant for the SaaS edition's credentials, token records (found by hash),
 * expiry on the sandbox clock and revocation.
 */
@Injectable()
export class ImsTokenService {
  constructor(
    @InjectRepository(ImsTokenEntity) private readonly tokens: Repository<ImsTokenEntity>,
    private readonly credentials: ImsCredentialsService,
    private readonly activity: ActivityLogService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RANDOM_BYTES) private readonly randomBytes: RandomBytes,
  ) {}

  /**
   * Answers `POST /ims/token/v3`, checking in order: the fields and grant, the client id, the secret,
   * the scopes (each one the credential may request).
   */
  async issue(form: ImsTokenForm): Promise<ImsTokenAnswer | ImsErrorAnswer> {
    const answer = await this.answer(form);
    if (answer.status !== 200)
      this.activity.record('ims_token_refused', null, `client ${form.clientId ?? '(none)'}: ${describe(answer)}`);
    return answer;
  }

  /** The record of an issued token, or null. */
  find(token: string): Promise<ImsTokenEntity | null> {
    return this.tokens.findOneBy({ tokenHash: hashImsToken(token) });
  }

  /** Revokes every token of a credential issued so far; returns how many were still valid. */
  async revokeAll(clientId: string): Promise<number> {
    await this.credentials.get(clientId);
    const open = await this.tokens.findBy({ clientId, revoked: false });
    const now = this.clock.now();
    const valid = open.filter((token) => token.expiresAt > now).length;
    await this.tokens.update({ clientId, revoked: false }, { revoked: true });
    this.activity.record('ims_token_revoked', null, `client ${clientId}: ${valid} valid token(s) revoked`);
    return valid;
  }

  /** Revokes one token; false when the sandbox never issued it. */
  async revokeOne(token: string): Promise<boolean> {
    const found = await this.find(token);
    if (found === null) return false;
    await this.tokens.update({ tokenHash: found.tokenHash }, { revoked: true });
    this.activity.record('ims_token_revoked', null, `client ${found.clientId}: token ${found.tokenId} revoked`);
    return true;
  }

  private async answer(form: ImsTokenForm): Promise<ImsTokenAnswer | ImsErrorAnswer> {
    const formError = checkImsTokenForm(form);
    if (formError !== null) return formError;
    const credential = await this.credentials.find(form.clientId as string);
    if (credential === null) return invalidClient('client_id');
    if (!sameSecret(credential.clientSecret, form.clientSecret as string)) return invalidClient('client_secret');
    const scopes = splitScopes(form.scope as string);
    return checkScopes(scopes, credential.scopes) ?? this.mint(credential, scopes);
  }

  /** A new token of the credential, recorded by hash. */
  private async mint(credential: ImsCredentialEntity, scopes: string[]): Promise<ImsTokenAnswer> {
    const lifetime = this.credentials.lifetimeOf(credential);
    const now = this.clock.now();
    const tokenId = imsTokenId(now, this.randomBytes);
    const user = technicalAccountId(credential.clientId);
    const claims = { id: tokenId, type: 'access_token', client_id: credential.clientId, user_id: user } as const;
    const accessToken = buildImsAccessToken(
      {
        ...claims,
        as: 'ims-na1',
        aa_id: user,
        scope: scopes.join(','),
        created_at: String(now),
        expires_in: String(lifetime * 1000),
      },
      this.randomBytes,
    );
    await this.tokens.insert({
      tokenHash: hashImsToken(accessToken),
      tokenId,
      clientId: credential.clientId,
      scopes,
      issuedAt: now,
      expiresAt: now + lifetime * 1000,
      revoked: false,
    });
    this.activity.record('ims_token', null, `client ${credential.clientId}: token ${tokenId}, expires_in ${lifetime}`);
    return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: lifetime } };
  }
}

/** Compares secrets in constant time (through their digests, which have one length). */
function sameSecret(expected: string, given: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}

function describe(answer: ImsErrorAnswer): string {
  return `${answer.status} ${answer.body.error} (${answer.body.error_description})`;
}
