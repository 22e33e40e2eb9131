import { randomBytes } from 'node:crypto';
import {
  generateNonce,
  verifyRequest,
  type OAuthTokenRecord,
  type SignatureProfile,
  type VerifyKind,
  type VerifyResult,
} from '@magekit/oauth1';
import { createMemoryVerifyStore } from '@magekit/oauth1/testing';
import type { FakeCredentials, FakeMagentoOptions, FakeRequest, FakeResponse } from './fake-magento-types';

const CONSUMER_ID = 1;

/** Magento's OAuth tables for one integration, verified with @magekit/oauth1's `verifyRequest`. */
export class FakeOAuthState {
  readonly credentials: FakeCredentials;
  profile: SignatureProfile;
  private readonly row: OAuthTokenRecord;
  private readonly store: ReturnType<typeof createMemoryVerifyStore>;
  private readonly consumer;

  constructor(
    private readonly options: FakeMagentoOptions,
    private readonly clock: () => number,
  ) {
    const make = () => generateNonce((size) => randomBytes(size));
    this.credentials = {
      consumerKey: make(),
      consumerSecret: make(),
      accessToken: make(),
      accessTokenSecret: make(),
      verifier: make(),
      ...options.credentials,
    };
    this.profile = options.profile ?? 'latest';
    const nowSeconds = Math.floor(clock() / 1000);
    this.consumer = {
      id: CONSUMER_ID,
      key: this.credentials.consumerKey,
      secret: this.credentials.consumerSecret,
      updatedAt: nowSeconds - (options.activatedSecondsAgo ?? 0),
    };
    this.row = options.handshake
      ? {
          token: make(),
          secret: make(),
          type: 'verifier',
          revoked: false,
          consumerId: CONSUMER_ID,
          verifier: this.credentials.verifier,
        }
      : {
          token: this.credentials.accessToken,
          secret: this.credentials.accessTokenSecret,
          type: 'access',
          revoked: false,
          consumerId: CONSUMER_ID,
          verifier: this.credentials.verifier,
        };
    this.store = createMemoryVerifyStore({ consumers: [this.consumer], tokens: [this.row] });
  }

  /** Nonces the store has seen (Magento persists them before the signature check). */
  get usedNonces(): ReadonlySet<string> {
    return this.store.nonces.get(String(CONSUMER_ID)) ?? new Set();
  }

  /** Marks the access token revoked (the merchant revoked the integration). */
  revoke(): void {
    this.row.revoked = true;
  }

  /** Runs Magento's OAuth checks on a request carrying an `OAuth` Authorization header. */
  verify(request: FakeRequest): Promise<VerifyResult> {
    return verifyRequest(
      {
        kind: kindOf(request.path),
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: request.body,
        profile: this.profile,
      },
      this.store,
      { clock: this.clock, consumerExpirySeconds: this.options.consumerExpirySeconds },
    );
  }

  /** Magento's answer to a rejected request: `oauth_problem=…` on token endpoints, REST JSON elsewhere. */
  buildRejection(request: FakeRequest, verdict: VerifyResult): FakeResponse {
    if (verdict.responseBody !== null) return { status: verdict.httpStatus, body: verdict.responseBody };
    return { status: verdict.httpStatus, json: verdict.restError ?? { message: verdict.error ?? 'Internal Error' } };
  }

  /** `/oauth/token/request` and `/oauth/token/access` after a valid signature: rotate the token row. */
  issueToken(path: string): FakeResponse | null {
    const kind = kindOf(path);
    if (kind === 'api') return null;
    this.row.token = generateNonce((size) => randomBytes(size));
    this.row.secret = generateNonce((size) => randomBytes(size));
    this.row.type = kind === 'request_token' ? 'request' : 'access';
    if (kind === 'access_token')
      Object.assign(this.credentials, { accessToken: this.row.token, accessTokenSecret: this.row.secret });
    return { status: 200, body: `oauth_token=${this.row.token}&oauth_token_secret=${this.row.secret}` };
  }
}

function kindOf(path: string): VerifyKind {
  if (/\/oauth\/token\/request$/.test(path)) return 'request_token';
  if (/\/oauth\/token\/access$/.test(path)) return 'access_token';
  return 'api';
}
