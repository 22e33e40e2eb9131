import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { OAuthConsumerRecord, OAuthTokenRecord, VerifyStore } from '@magekit/oauth1';
import type { Repository } from 'typeorm';
import { CLOCK, type Clock, RANDOM_BYTES, type RandomBytes } from '../common/clock';
import { generateToken } from '../common/random-token';
import { OAuthConsumerEntity } from '../db/oauth-consumer.entity';
import { OAuthNonceEntity } from '../db/oauth-nonce.entity';
import { OAuthTokenEntity } from '../db/oauth-token.entity';

/** `OauthHelper::CALLBACK_ESTABLISHED`. */
const CALLBACK_ESTABLISHED = 'oob';
/** `oauth_nonce.nonce` is varchar(32); MySQL with `SQL_MODE=''` truncates silently. */
const NONCE_COLUMN_LENGTH = 32;

/**
 * Magento's `oauth_consumer` / `oauth_token` / `oauth_nonce` tables and the token model's conversions
 * (`Integration\Model\Oauth\Token`): verifier → request → access on one row per integration.
 */
@Injectable()
export class OAuthStoreService {
  constructor(
    @InjectRepository(OAuthConsumerEntity) private readonly consumers: Repository<OAuthConsumerEntity>,
    @InjectRepository(OAuthTokenEntity) private readonly tokens: Repository<OAuthTokenEntity>,
    @InjectRepository(OAuthNonceEntity) private readonly nonces: Repository<OAuthNonceEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RANDOM_BYTES) private readonly randomBytes: RandomBytes,
  ) {}

  /** The storage `verifyRequest` reads. */
  asVerifyStore(): VerifyStore {
    return {
      findConsumerByKey: async (key) => toConsumerRecord(await this.consumers.findOneBy({ key })),
      findToken: async (token) => toTokenRecord(await this.tokens.findOneBy({ token })),
      findIntegrationToken: async (consumerId) => toTokenRecord(await this.findIntegrationToken(Number(consumerId))),
      saveNonce: (consumerId, nonce, timestamp) => this.saveNonce(Number(consumerId), nonce, timestamp),
    };
  }

  findConsumer(id: number): Promise<OAuthConsumerEntity | null> {
    return this.consumers.findOneBy({ id });
  }

  findConsumerByKey(key: string): Promise<OAuthConsumerEntity | null> {
    return this.consumers.findOneBy({ key });
  }

  findToken(token: string): Promise<OAuthTokenEntity | null> {
    return this.tokens.findOneBy({ token });
  }

  /** `loadByConsumerIdAndUserType`: the first integration token row of the consumer. */
  findIntegrationToken(consumerId: number): Promise<OAuthTokenEntity | null> {
    return this.tokens.findOne({ where: { consumerId }, order: { id: 'ASC' } });
  }

  /** A new consumer with a 32-char key and secret (`ConsumerFactory` + `OauthHelper`). */
  createConsumer(name: string): Promise<OAuthConsumerEntity> {
    const now = this.nowSeconds();
    return this.consumers.save(
      this.consumers.create({
        name,
        key: this.newToken(),
        secret: this.newToken(),
        callbackUrl: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }

  /** `postToConsumer()` sets `updated_at = now`, which opens the 300 s window of the request-token step. */
  async touchConsumer(consumer: OAuthConsumerEntity, nowSeconds: number): Promise<void> {
    consumer.updatedAt = nowSeconds;
    await this.consumers.save(consumer);
  }

  /** `Token::createVerifierToken`: reuses the consumer's verifier row, else creates one. */
  async createVerifierToken(consumerId: number): Promise<OAuthTokenEntity> {
    const existing = await this.tokens.findOne({ where: { consumerId, type: 'verifier' }, order: { id: 'ASC' } });
    if (existing) return existing;
    const row = this.tokens.create({
      consumerId,
      type: 'verifier',
      token: this.newToken(),
      secret: this.newToken(),
      verifier: this.newToken(),
      callbackUrl: CALLBACK_ESTABLISHED,
      revoked: false,
      createdAt: this.nowSeconds(),
    });
    return this.tokens.save(row);
  }

  /** `Token::createRequestToken`: same row, type request, new token and secret; the verifier stays. */
  convertToRequest(row: OAuthTokenEntity, callbackUrl: string | null): Promise<OAuthTokenEntity> {
    return this.rotate(row, 'request', callbackUrl || CALLBACK_ESTABLISHED);
  }

  /** `Token::convertToAccess`: same row, type access, new token and secret. */
  convertToAccess(row: OAuthTokenEntity): Promise<OAuthTokenEntity> {
    return this.rotate(row, 'access', row.callbackUrl);
  }

  /** `deleteIntegrationToken`: the old access token stops working at once. */
  async deleteIntegrationTokens(consumerId: number): Promise<void> {
    await this.tokens.delete({ consumerId });
  }

  async deleteConsumer(consumerId: number): Promise<void> {
    await this.tokens.delete({ consumerId });
    await this.nonces.delete({ consumerId });
    await this.consumers.delete({ id: consumerId });
  }

  /**
   * `Nonce\Generator::validateNonce`: looked up with the full nonce, stored truncated to 32 chars, so a
   * longer nonce is never seen as reused (as in Magento).
   */
  private async saveNonce(consumerId: number, nonce: string, timestamp: number): Promise<boolean> {
    if (await this.nonces.existsBy({ consumerId, nonce })) return false;
    await this.nonces.upsert({ consumerId, nonce: nonce.slice(0, NONCE_COLUMN_LENGTH), timestamp }, [
      'nonce',
      'consumerId',
    ]);
    return true;
  }

  private async rotate(
    row: OAuthTokenEntity,
    type: OAuthTokenEntity['type'],
    callbackUrl: string,
  ): Promise<OAuthTokenEntity> {
    row.type = type;
    row.callbackUrl = callbackUrl;
    row.token = this.newToken();
    row.secret = this.newToken();
    return this.tokens.save(row);
  }

  private newToken(): string {
    return generateToken(this.randomBytes);
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }
}

function toConsumerRecord(row: OAuthConsumerEntity | null): OAuthConsumerRecord | null {
  return row && { id: row.id, key: row.key, secret: row.secret, updatedAt: row.updatedAt };
}

function toTokenRecord(row: OAuthTokenEntity | null): OAuthTokenRecord | null {
  return (
    row && {
      token: row.token,
      secret: row.secret,
      type: row.type,
      revoked: row.revoked,
      consumerId: row.consumerId,
      verifier: row.verifier,
    }
  );
}
