import OAuth from 'oauth-1.0a';
import { collectSignedPairs, formatParameterString, normaliseBaseUri, type SignedPair } from './base-string';
import { createHashFunction, type SignatureMethod } from './hmac';
import { addBodyAndQueryParams, type MagentoRequestBody } from './magento-request-params';
import { rawurlencode, toBytes } from './php-string';
import type { SignatureProfile } from './profiles';
import { splitUrl } from './request-url';

/** A request as `oauth-1.0a` passes it around, with what Magento reads besides the URL. All strings are byte strings. */
export interface MagentoRequest extends OAuth.RequestOptions, MagentoRequestBody {
  /** The URL Magento rebuilds (scheme, `Host` header, request URI), as bytes. */
  url: string;
  /** Protocol parameters sent in the header besides the ones `authorize` makes (`oauth_verifier`, `oauth_callback`…). */
  data?: Record<string, string>;
}

/** Protocol parameters as the `Authorization` header carries them (byte strings). */
export type ProtocolParams = Record<string, string>;

export interface MagentoOAuthOptions {
  profile: SignatureProfile;
  consumerKey: string;
  consumerSecret: string;
  /** Default `HMAC-SHA256`. */
  signatureMethod?: SignatureMethod;
  /** `oauth_version`; default `1.0`; null leaves it out (Magento treats it as optional). */
  version?: string | null;
  /** The next `oauth_nonce`. */
  nonce?: () => string;
  /** The next `oauth_timestamp` (Unix seconds). */
  timestamp?: () => string | number;
}

const DEFAULT_VERSION = '1.0';
const VERSION = 'oauth_version';

function unavailable(): never {
  throw new Error('This signer was made without a nonce or clock.');
}

/**
 * `oauth-1.0a` with Magento's base-string rules: `authorize`, `toHeader`, the signing key and the
 * HMAC (through `hash_function`) are the package's own; the base URL, the parameter string and the
 * percent-encoding are Magento's for the chosen profile, on byte strings as PHP sees them (the
 * consumer credentials, nonce, timestamp and token are encoded to UTF-8 bytes on the way in).
 */
export class MagentoOAuth extends OAuth {
  readonly profile: SignatureProfile;
  private readonly sendsVersion: boolean;
  private readonly nextNonce: () => string;
  private readonly nextTimestamp: () => string | number;
  /** The base string of this signer's last signature. */
  signedBaseString: string | null = null;

  constructor(options: MagentoOAuthOptions) {
    const method = options.signatureMethod ?? 'HMAC-SHA256';
    super({
      consumer: { key: toBytes(options.consumerKey), secret: toBytes(options.consumerSecret) },
      signature_method: method,
      hash_function: createHashFunction(method),
    });
    this.version = toBytes(options.version ?? DEFAULT_VERSION);
    this.profile = options.profile;
    this.sendsVersion = options.version !== null;
    this.nextNonce = options.nonce ?? unavailable;
    this.nextTimestamp = options.timestamp ?? unavailable;
  }

  override getNonce(): string {
    return toBytes(this.nextNonce());
  }

  /** The timestamp as it is sent: Magento reads it as a string (and casts it with PHP's `(int)` later). */
  override getTimeStamp(): number {
    return toBytes(String(this.nextTimestamp())) as unknown as number;
  }

  /** PHP `rawurlencode` on byte strings (RFC 3986), for the header, the key and the base string. */
  override percentEncode(bytes: string): string {
    return rawurlencode(String(bytes));
  }

  /** The URI part of the base string for this profile (`Helper\Signature\Hmac` / `Laminas\Uri`). */
  override getBaseUrl(url: string): string {
    return normaliseBaseUri(this.profile, splitUrl(url));
  }

  /** oauth-1.0a's `getSignature`, keeping the base string it signs. */
  override getSignature(request: MagentoRequest, tokenSecret: string | undefined, oauthData: OAuth.Data | ProtocolParams): string {
    this.signedBaseString = this.getBaseString(request, oauthData);
    return this.hash_function(this.signedBaseString, this.getSigningKey(tokenSecret));
  }

  /** The parameter string: {@link MagentoOAuth.getSignedPairs}, each `rawurlencode(name)=rawurlencode(value)`, joined by `&`. */
  override getParameterString(request: MagentoRequest, oauthData: OAuth.Data | ProtocolParams): string {
    return formatParameterString(this.getSignedPairs(request, oauthData));
  }

  /** `strtoupper(method) & rawurlencode(base URI) & rawurlencode(parameter string)`. */
  override getBaseString(request: MagentoRequest, oauthData: OAuth.Data | ProtocolParams): string {
    return `${request.method.toUpperCase()}&${this.percentEncode(this.getBaseUrl(request.url))}&${this.percentEncode(this.getParameterString(request, oauthData))}`;
  }

  /**
   * The parameters Magento signs, in order: what `Helper\Request::_processRequest()` collects
   * (the header's protocol parameters, a form body, the query), then the profile's rules.
   *
   * @throws PhpRuntimeError where Magento itself fails with HTTP 500.
   */
  getSignedPairs(request: MagentoRequest, oauthData: OAuth.Data | ProtocolParams): SignedPair[] {
    const url = splitUrl(request.url);
    const header = new Map(Object.entries(this.getProtocolParams(oauthData, request.data)));
    return collectSignedPairs(this.profile, url, addBodyAndQueryParams(header, request, url.query));
  }

  /** The protocol parameters the header carries: `authorize`'s, without `oauth_version` if left out, then the request's further ones. */
  getProtocolParams(oauthData: OAuth.Data | ProtocolParams, further: ProtocolParams = {}): ProtocolParams {
    const params: ProtocolParams = {};
    for (const [name, value] of Object.entries(oauthData)) if (this.sendsVersion || name !== VERSION) params[name] = String(value);
    return Object.assign(params, further);
  }

  /** The `Authorization` header value for what {@link OAuth.authorize} returned (`toHeader`'s format). */
  getAuthorizationHeader(authorized: OAuth.Authorization, request: MagentoRequest): string {
    return this.toHeader(this.getProtocolParams(authorized, request.data) as unknown as OAuth.Authorization).Authorization;
  }
}
