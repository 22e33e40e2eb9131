import {
  createImsAuth,
  createOAuthAuth,
  describeStoreUrl,
  IMS_COMMERCE_SCOPES,
  type AuthStrategy,
} from '@magekit/client';
import type { StoreEdition, StoreEntity } from '../entities/store.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';

/** Decrypts one encrypted column of the store's row. */
export type OpenStoreSecret = (column: string, ciphertext: string) => string;

/** What an IMS strategy takes from the module besides the row. */
export interface ImsDefaults {
  /** The token endpoint of stores registered without one (module option `ims.tokenUrl`). */
  tokenUrl: string;
  /** Timeout of a token request. */
  timeoutMs: number;
}

/**
 * The encrypted value that identifies the credential a store's client works with: the access
 * token of an `oauth1` store, the client secret of an `ims` store; another value on the row means
 * the credential changed (Reauthorize, a new registration). Null when the store holds none
 * (revoked, never activated). Pure.
 */
export function storeCredentialOf(store: StoreEntity): string | null {
  if (store.authKind === 'ims') return store.imsClientSecretEnc && store.imsClientId ? store.imsClientSecretEnc : null;
  return store.accessTokenEnc && store.accessTokenSecretEnc && store.consumerKey && store.consumerSecretEnc
    ? store.accessTokenEnc
    : null;
}

/** The scopes an `ims` store asks for: its own (comma-separated on the row), else Adobe's list for Commerce. Pure. */
export function imsScopesOf(store: Pick<StoreEntity, 'imsScopes'>): string[] {
  const own = (store.imsScopes ?? '').split(',').filter((scope) => scope !== '');
  return own.length > 0 ? own : [...IMS_COMMERCE_SCOPES];
}

/**
 * The auth strategy of a store's client: OAuth 1.0a signed with the integration's tokens, or
 * Adobe IMS server-to-server with the registered credential (its token cached by the strategy,
 * so one strategy per store). Call only when {@link storeCredentialOf} is not null.
 *
 * @throws MagentoIntegrationError `STORE_NOT_ACTIVE` without a credential; MagentoClientError
 *   `INVALID_INPUT` for a stored IMS credential the client refuses.
 */
export function buildStoreAuth(store: StoreEntity, open: OpenStoreSecret, ims: ImsDefaults): AuthStrategy {
  if (storeCredentialOf(store) === null)
    throw new MagentoIntegrationError(`Store ${store.id} holds no credential.`, 'STORE_NOT_ACTIVE');
  if (store.authKind === 'ims')
    return createImsAuth({
      clientId: store.imsClientId as string,
      clientSecret: open('ims_client_secret_enc', store.imsClientSecretEnc as string),
      ...(store.imsOrgId ? { orgId: store.imsOrgId } : {}),
      scopes: imsScopesOf(store),
      tokenUrl: store.imsTokenUrl ?? ims.tokenUrl,
      timeoutMs: ims.timeoutMs,
    });
  return createOAuthAuth({
    consumerKey: store.consumerKey as string,
    consumerSecret: open('consumer_secret_enc', store.consumerSecretEnc as string),
    accessToken: open('access_token_enc', store.accessTokenEnc as string),
    accessTokenSecret: open('access_token_secret_enc', store.accessTokenSecretEnc as string),
  });
}

/**
 * The consumer key and encrypted secret of an `oauth1` store, for the handshake.
 *
 * @throws MagentoIntegrationError `INVALID_TRANSITION` for an `ims` store (it has no handshake).
 */
export function oauthConsumerOf(store: StoreEntity): { consumerKey: string; consumerSecretEnc: string } {
  if (store.authKind !== 'oauth1' || !store.consumerKey || !store.consumerSecretEnc)
    throw new MagentoIntegrationError(
      `Store ${store.id} authenticates with Adobe IMS: it has no OAuth consumer and no activation handshake.`,
      'INVALID_TRANSITION',
    );
  return { consumerKey: store.consumerKey, consumerSecretEnc: store.consumerSecretEnc };
}

/**
 * The edition of an integration's `store_base_url`, as `describeStoreUrl` tells it from the host;
 * `paas` for a URL it cannot read (the callback's URL was validated before). Pure.
 */
export function editionOfBaseUrl(url: string): StoreEdition {
  try {
    return describeStoreUrl(url).edition;
  } catch {
    return 'paas';
  }
}
