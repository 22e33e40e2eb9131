import { isSignatureMethod, type SignatureMethod } from './magento-oauth';
import { OAuth1Error } from './oauth1-error';
import { isSignatureProfile, type SignatureProfile } from './profiles';

/** A request to sign, as it will be sent (the URL byte for byte), plus the credentials. */
export interface SignInput {
  /** HTTP method; signed upper-cased. */
  method: string;
  /** The absolute URL exactly as it will be sent: path and query are signed verbatim. */
  url: string;
  /** Headers that change what Magento signs (any case): `host`, `content-type` (form bodies), `x-forwarded-proto`. */
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
  /** Default `HMAC-SHA256`; Magento 2.4.4+ refuses `HMAC-SHA1` ("Signature method HMAC-SHA1 is not supported"). */
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
  /** `size` random bytes, for a nonce of 32 chars of `[0-9a-z]`; default: 32 hex digits of node:crypto `randomUUID`. */
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

const HTTP_METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PROFILE_HINT = 'Use "latest" (Magento 2.4.7+/2.4-develop) or "laminas" (Magento 2.4.4–2.4.6).';
const METHOD_HINT =
  'Use HMAC-SHA256, the only method Magento 2.4.4+ accepts (HMAC-SHA1 only for ≤ 2.4.3; PLAINTEXT never).';
const CREDENTIAL_HINT =
  "The consumer key and secret come from Magento's callback POST (oauth_consumer_key, oauth_consumer_secret).";

/** A consumer credential: a non-empty string. */
export function requireCredential(value: unknown, field: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new OAuth1Error(`"${field}" must be a non-empty string.`, 'INVALID_INPUT', { hint: CREDENTIAL_HINT });
}

/** The input's profile and signature method (defaults applied), once they, its method and its secret are usable. */
export function checkSignInput(input: SignInput): { profile: SignatureProfile; signatureMethod: SignatureMethod } {
  const { profile = 'latest', signatureMethod = 'HMAC-SHA256', method } = input;
  if (!isSignatureProfile(profile)) {
    const message = `Unknown signature profile ${JSON.stringify(profile)}.`;
    throw new OAuth1Error(message, 'INVALID_INPUT', { hint: PROFILE_HINT });
  }
  if (!isSignatureMethod(signatureMethod)) {
    const message = `Signature method ${JSON.stringify(signatureMethod)} is not supported.`;
    throw new OAuth1Error(message, 'UNSUPPORTED_SIGNATURE_METHOD', { hint: METHOD_HINT });
  }
  if (typeof method !== 'string' || !HTTP_METHOD_TOKEN.test(method)) {
    const hint = 'Use GET, POST, PUT or DELETE.';
    throw new OAuth1Error(`Not an HTTP method: ${JSON.stringify(method)}.`, 'INVALID_METHOD', { hint });
  }
  requireCredential(input.consumerSecret, 'consumerSecret');
  return { profile, signatureMethod };
}
