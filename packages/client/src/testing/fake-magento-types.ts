import type { SignatureProfile, VerifyResult } from '@magekit/oauth1';

/** A request as the fake store received it. */
export interface FakeRequest {
  method: string;
  /** The URL Magento would sign: `http://` + Host header + request URI, verbatim. */
  url: string;
  /** Path without the query, as sent (still percent-encoded). */
  path: string;
  /** Query string without `?`, or null. */
  query: string | null;
  headers: Record<string, string>;
  body: string;
  /** The token of an `Authorization: Bearer …` header. */
  bearerToken: string | null;
  /** The OAuth verdict (null when no `OAuth` Authorization header was sent). */
  oauth: VerifyResult | null;
  /** Server clock (ms) when the request arrived. */
  receivedAt: number;
}

/** What the fake store answers. */
export interface FakeResponse {
  status?: number;
  /** Serialised as the JSON body (`application/json`). */
  json?: unknown;
  /** A raw body (used when `json` is absent). */
  body?: string;
  headers?: Record<string, string>;
  /** Never answer (for timeout/abort tests); the socket is closed by `close()`. */
  hang?: boolean;
  /** Destroy the socket without answering (a network error for the client). */
  destroy?: boolean;
}

export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

/** A queued expectation: the next request must match it. */
export interface FakeExpectation {
  method: string;
  /** Exact path (without query) or a pattern. */
  path: string | RegExp;
  respond: FakeResponse | FakeHandler;
}

/** Credentials of the fake store's one integration (32 chars of `[0-9a-z]`, as Magento makes them). */
export interface FakeCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
  /** The verifier of the activation callback (handshake mode). */
  verifier: string;
}

/** How the fake store behaves. */
export interface FakeMagentoOptions {
  /** Which Magento line verifies signatures; default `latest`. */
  profile?: SignatureProfile;
  /** Server clock in ms (verification, `Date` header); default the real clock. */
  clock?: () => number;
  /**
   * `true`: the integration was just activated — its token is a verifier token and
   * `/oauth/token/request` + `/oauth/token/access` issue tokens like Magento. Default false: the
   * integration is Active and `credentials.accessToken` is valid.
   */
  handshake?: boolean;
  /** `oauth/consumer/expiration_period`; default 300 s. */
  consumerExpirySeconds?: number;
  /** Seconds before "now" at which the merchant clicked Activate; default 0. */
  activatedSecondsAgo?: number;
  /** Fixed credentials (default: random). */
  credentials?: Partial<FakeCredentials>;
}
