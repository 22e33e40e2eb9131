import type { SignatureMethod } from './hmac';
import type { SignatureProfile } from './profiles';

/** A request to sign, as it will be sent (the URL byte for byte), plus the credentials. */
export interface SignInput {
  /** HTTP method; signed upper-cased. */
  method: string;
  /** The absolute URL exactly as it will be sent: path and query are signed verbatim. */
  url: string;
  /**
   * Headers that change what Magento signs: `host` (when it differs from the URL's authority, e.g.
   * behind a proxy), `content-type` (only `application/x-www-form-urlencoded` bodies are signed),
   * `x-forwarded-proto` (TLS offloading). Names are case-insensitive.
   */
  headers?: Readonly<Record<string, string | undefined>>;
  /** The request body as sent; signed only for form bodies. */
  body?: string | null;
  consumerKey: string;
  consumerSecret: string;
  /** Request token (access-token step) or access token (API calls); absent for the request-token step. */
  token?: string | null;
  tokenSecret?: string | null;
  /** `oauth_verifier` from Magento's callback POST (access-token step only). */
  verifier?: string | null;
  /** Fixed nonce (tests, replays); by default 32 chars of `[0-9a-z]` from a CSPRNG. */
  nonce?: string;
  /** Fixed `oauth_timestamp` (Unix seconds); by default the injected clock. */
  timestamp?: string | number;
  /** Default `HMAC-SHA256`. `HMAC-SHA1` is refused by Magento 2.4.4+ ("Signature method HMAC-SHA1 is not supported"). */
  signatureMethod?: SignatureMethod;
  /** `oauth_version`; default `1.0`; null leaves it out (Magento treats it as optional). */
  oauthVersion?: string | null;
  /** Further `oauth_*` parameters to send and sign, e.g. `{ oauth_callback: 'oob' }`. */
  extraOauthParams?: Readonly<Record<string, string>>;
  /** Which Magento signature code to match; default `latest`. See {@link SignatureProfile}. */
  profile?: SignatureProfile;
}

/** Side effects, injected. */
export interface SignOptions {
  /** Milliseconds since the epoch; default `Date.now`. */
  clock?: () => number;
  /** `size` random bytes, for a nonce of 32 chars of `[0-9a-z]`; default: 32 hex digits from node:crypto `randomUUID`. */
  randomBytes?: (size: number) => Uint8Array;
  /** The next `oauth_nonce`; default 32 chars of `[0-9a-z]` from `randomBytes`. */
  nonce?: () => string;
}

/** What {@link signRequest} returns. */
export interface SignedRequest {
  /** The signature base string, as Magento builds it for this profile. */
  baseString: string;
  /** The HMAC key: `rawurlencode(consumer secret)&rawurlencode(token secret)`. Secret: never log it. */
  signingKey: string;
  /** base64 HMAC (not percent-encoded). */
  signature: string;
  /** The complete `Authorization` header value (`OAuth oauth_consumer_key="…", …`). */
  authorization: string;
  /** The protocol parameters sent in the header, signature included. */
  oauthParams: Record<string, string>;
  /** The URI part of the base string, before encoding. */
  baseUri: string;
  profile: SignatureProfile;
  /** Things that work but deserve attention (e.g. a nonce longer than Magento stores). */
  warnings: string[];
}
