import type { PhraseParameters } from './magento-problems';
import type { OAuth1ErrorCode } from './oauth1-error';
import type { SignatureProfile } from './profiles';

/** Which Magento entry point verifies the request (docs/magento-behaviour.md §1.2). */
export type VerifyKind = 'request_token' | 'access_token' | 'api';

/** A request exactly as the store received it. */
export interface VerifyInput {
  kind: VerifyKind;
  method: string;
  /** URL as received: scheme, host[:port], path and query byte for byte. */
  url: string;
  /** Received headers (case-insensitive): `authorization`, `content-type`, `host`, `x-forwarded-proto`. */
  headers?: Readonly<Record<string, string | undefined>>;
  body?: string | null;
  /** Which Magento line to behave as; default `latest`. */
  profile?: SignatureProfile;
}

/** An integration's OAuth consumer (`oauth_consumer`). */
export interface OAuthConsumerRecord {
  id: number | string;
  key: string;
  secret: string;
  /** Unix seconds of the last Activate/Reauthorize (`updated_at`), which opens the 300 s window. */
  updatedAt: number;
}

/** A row of `oauth_token`. */
export interface OAuthTokenRecord {
  token: string;
  secret: string;
  type: 'verifier' | 'request' | 'access';
  revoked: boolean;
  consumerId: number | string;
  /** The verifier Magento POSTed to the integration (kept on the row). */
  verifier?: string | null;
}

type Awaitable<T> = T | Promise<T>;

/** Storage the verifier needs, passed in (the sandbox store backs it with its database). */
export interface VerifyStore {
  findConsumerByKey(key: string): Awaitable<OAuthConsumerRecord | null | undefined>;
  findToken(token: string): Awaitable<OAuthTokenRecord | null | undefined>;
  /** The integration's own token row (one per consumer). */
  findIntegrationToken(consumerId: number | string): Awaitable<OAuthTokenRecord | null | undefined>;
  /** Stores `(nonce, consumer)`; resolves false when that pair was already used. */
  saveNonce(consumerId: number | string, nonce: string, timestamp: number): Awaitable<boolean>;
}

/** Settings and side effects of the verifier. */
export interface VerifyOptions {
  /** Milliseconds since the epoch; default `Date.now`. */
  clock?: () => number;
  /** `oauth/consumer/expiration_period`; default 300 s. */
  consumerExpirySeconds?: number;
  /** Future tolerance of `oauth_timestamp`; Magento's `TIME_DEVIATION` is 600 s. */
  timestampDeviationSeconds?: number;
  /** Resources of the route, for the guest message of a REST call without OAuth. */
  routeResources?: readonly string[];
}

/** Magento's REST error JSON for a failed OAuth check. */
export interface RestErrorBody {
  message: string;
  parameters?: PhraseParameters;
  errors?: Array<{ message: string; parameters?: PhraseParameters }>;
}

/** Magento's verdict on a request. */
export interface VerifyResult {
  valid: boolean;
  /** Token endpoints: the status Magento sets; `api`: 200 when the OAuth check passed. */
  httpStatus: number;
  /** Magento's rendered exception message, its code, a hint and Magento's exception class (null when valid). */
  error: string | null;
  code: OAuth1ErrorCode | null;
  hint: string | null;
  exception: string | null;
  /** Token endpoints: the `oauth_problem=…` body of a failure (success bodies come from token issuance). */
  responseBody: string | null;
  /** `api`: the REST error body. */
  restError: RestErrorBody | null;
  /** `api` without an `OAuth` Authorization header: Magento handles the caller as a guest. */
  treatedAsGuest: boolean;
  /** What the checks had found: the consumer, the token and (once the signature step ran) the base string. */
  consumer: OAuthConsumerRecord | null;
  token: OAuthTokenRecord | null;
  baseString: string | null;
}
