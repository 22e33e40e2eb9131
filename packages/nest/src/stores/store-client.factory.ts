import { Inject, Injectable } from '@nestjs/common';
import { paginate, type FetchLike, type HandshakeOptions, type MagentoClient, type RestRequest } from '@magekit/client';
import { SecretBox } from '../crypto/secret-box';
import type { StoreEntity } from '../entities/store.entity';
import { MAGEKIT_CLOCK, MAGEKIT_FETCH } from '../tokens';
import { oauthConsumerOf } from './store-auth';
import { StoreClientRegistry } from './store-client.registry';

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
 * Hands out `@magekit/client` clients for stored stores: the store's one client from
 * {@link StoreClientRegistry} (credentials decrypted once, one concurrency limit per store, the
 * signature profile and clock skew learnt once and kept on the store row), sending through the
 * module's fetch (the guarded one with keep-alive connections by default).
 */
@Injectable()
export class StoreClientFactory {
  constructor(
    private readonly registry: StoreClientRegistry,
    private readonly secrets: SecretBox,
    @Inject(MAGEKIT_FETCH) private readonly fetch: FetchLike,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  /**
   * A REST client authenticated with the store's credential (an integration's OAuth 1.0a access
   * token, or an Adobe IMS credential for Adobe Commerce as a Cloud Service; app code is the same
   * for both): the store's shared client (the
   * same object on every call without options), or a view of it with these call defaults. Calls
   * that fail for good (after retries) are recorded for the admin API with the explained base
   * string, secrets masked.
   *
   * @throws MagentoIntegrationError `STORE_NOT_ACTIVE` when the store holds no credential.
   */
  forStore(store: StoreEntity, options: StoreClientOptions = {}): MagentoClient {
    const entry = this.registry.entryFor(store);
    const client = (options.recordFailures ?? true) ? entry.recording : entry.quiet;
    const defaults: Partial<RestRequest> = {};
    if (options.timeoutMs !== undefined) defaults.timeoutMs = options.timeoutMs;
    if (options.storeCode !== undefined) defaults.store = options.storeCode;
    return Object.keys(defaults).length === 0 ? client : withCallDefaults(client, defaults);
  }

  /**
   * The consumer part of the handshake options for an `oauth1` store (the token steps add tokens and verifier), signed with its known clock skew.
   *
   * @throws MagentoIntegrationError `INVALID_TRANSITION` for an `ims` store.
   */
  handshakeFor(store: StoreEntity, timeoutMs: number): HandshakeOptions {
    const skewMs = this.registry.knownSkewMs(store);
    const consumer = oauthConsumerOf(store);
    return {
      storeBaseUrl: store.storeBaseUrl,
      usesIndexPhp: store.usesIndexPhp,
      consumerKey: consumer.consumerKey,
      consumerSecret: this.secrets.open('magekit_stores', 'consumer_secret_enc', store.id, consumer.consumerSecretEnc),
      profile: store.signatureProfile,
      fetch: this.fetch,
      clock: () => this.clock() + skewMs,
      timeoutMs,
    };
  }
}

/** A view of `client` whose calls default to `defaults` (same limiter, state and recording). */
function withCallDefaults(client: MagentoClient, defaults: Partial<RestRequest>): MagentoClient {
  const call = <T>(request: RestRequest) =>
    client.request<T>({
      ...request,
      timeoutMs: request.timeoutMs ?? defaults.timeoutMs,
      store: request.store ?? defaults.store,
    });
  const view: MagentoClient = {
    request: call,
    get: (path, options = {}) => call({ ...options, method: 'GET', path }),
    post: (path, body, options = {}) => call({ ...options, method: 'POST', path, body }),
    put: (path, body, options = {}) => call({ ...options, method: 'PUT', path, body }),
    delete: (path, options = {}) => call({ ...options, method: 'DELETE', path }),
    paginate: (path, criteria, options) => paginate(view, path, criteria, options),
    url: (path, query, scope = {}) => client.url(path, query, { ...scope, store: scope.store ?? defaults.store }),
    signatureProfile: () => client.signatureProfile(),
    get clockSkew() {
      return client.clockSkew;
    },
    config: client.config,
  };
  return view;
}
