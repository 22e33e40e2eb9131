import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { createMagentoClient, createOAuthAuth, type FetchLike, type HandshakeOptions, type MagentoClient, type ProfileStore } from '@magekit/client';
import { CallFailureRecorder } from '../admin/call-failure-recorder.service';
import { FailedCallCapture } from '../admin/failed-call-capture';
import { SecretBox } from '../crypto/secret-box';
import { StoreEntity } from '../entities/store.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { MAGEKIT_CLOCK, MAGEKIT_FETCH } from '../tokens';

/** Options of {@link StoreClientFactory.forStore}. */
export interface StoreClientOptions {
  /** Per-attempt timeout; default 30 000 ms. */
  timeoutMs?: number;
  /** Magento store code (`default`, `all`, …); default none (the default store). */
  storeCode?: string;
  /** Record calls that fail for good under the store's recent failed calls (admin API); default true. */
  recordFailures?: boolean;
}

/**
 * Builds `@magekit/client` clients for stored stores: decrypts the credentials, signs in the
 * store's signature profile (remembered on the store row when the client detects the other one)
 * and sends through the module's fetch (the guarded one by default).
 */
@Injectable()
export class StoreClientFactory {
  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    private readonly secrets: SecretBox,
    @Inject(MAGEKIT_FETCH) private readonly fetch: FetchLike,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    private readonly failures: CallFailureRecorder,
  ) {}

  /**
   * A REST client authenticated with the store's access token. Calls that fail for good (after
   * retries) are recorded for the admin API with the explained base string, secrets masked.
   *
   * @throws MagentoIntegrationError `STORE_NOT_ACTIVE` when the store holds no access token.
   */
  forStore(store: StoreEntity, options: StoreClientOptions = {}): MagentoClient {
    if (!store.accessTokenEnc || !store.accessTokenSecretEnc) {
      throw new MagentoIntegrationError(`Store ${store.id} has no access token (status ${store.status}).`, 'STORE_NOT_ACTIVE', { hint: 'The merchant must Activate or Reauthorize the integration in the Magento admin.' });
    }
    const open = (column: string, value: string) => this.secrets.open('magekit_stores', column, store.id, value);
    const auth = createOAuthAuth({
      consumerKey: store.consumerKey,
      consumerSecret: open('consumer_secret_enc', store.consumerSecretEnc),
      accessToken: open('access_token_enc', store.accessTokenEnc),
      accessTokenSecret: open('access_token_secret_enc', store.accessTokenSecretEnc),
    });
    const record = options.recordFailures ?? true;
    const capture = new FailedCallCapture();
    const client = createMagentoClient({
      baseUrl: store.storeBaseUrl, indexPhp: store.usesIndexPhp, store: options.storeCode, auth: record ? capture.wrapAuth(auth) : auth, profile: store.signatureProfile,
      profileStore: this.profileStoreFor(store), fetch: this.fetch, clock: this.clock, timeoutMs: options.timeoutMs ?? 30_000, onEvent: record ? capture.onEvent : undefined,
    });
    return record ? capture.wrapClient(client, (call) => this.failures.record(store.id, call)) : client;
  }

  /** The consumer part of the handshake options for a store (the token steps add tokens and verifier). */
  handshakeFor(store: StoreEntity, timeoutMs: number): HandshakeOptions {
    return {
      storeBaseUrl: store.storeBaseUrl, usesIndexPhp: store.usesIndexPhp, consumerKey: store.consumerKey,
      consumerSecret: this.secrets.open('magekit_stores', 'consumer_secret_enc', store.id, store.consumerSecretEnc),
      profile: store.signatureProfile, fetch: this.fetch, clock: this.clock, timeoutMs,
    };
  }

  private profileStoreFor(store: StoreEntity): ProfileStore {
    return {
      get: () => store.signatureProfile,
      set: async (_key, profile) => {
        store.signatureProfile = profile;
        await this.stores.update({ id: store.id }, { signatureProfile: profile });
      },
    };
  }
}
