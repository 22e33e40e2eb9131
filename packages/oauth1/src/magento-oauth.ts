import OAuth from 'oauth-1.0a';
import { collectSignedPairs, encodeParameterString, formatParameterString, normaliseBaseUri, type SignedPair } from './base-string';
import { createHashFunction, type SignatureMethod } from './hmac';
import { addBodyAndQueryParams, type MagentoParams, type MagentoRequestBody } from './magento-request-params';
import { rawurlencode, toBytes } from './php-string';
import type { SignatureProfile } from './profiles';
import { splitUrl, type UrlParts } from './request-url';

/** A request as `oauth-1.0a` passes it around, with what Magento reads besides the URL. All strings are byte strings. */
export interface MagentoRequest extends OAuth.RequestOptions, MagentoRequestBody {
  /** The URL Magento rebuilds (scheme, `Host` header, request URI), as bytes. */
  url: string;
  /** {@link url}'s parts, when the caller has split it already (so a signature parses the URL once). */
  parts?: UrlParts;
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
  /** The URI part (before encoding) of this signer's last base string. */
  signedBaseUri: string | null = null;

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
    const url = request.parts ?? splitUrl(request.url);
    this.signedBaseUri = normaliseBaseUri(this.profile, url);
    const parameters = encodeParameterString(this.collectPairs(request, oauthData, url));
    return `${request.method.toUpperCase()}&${this.percentEncode(this.signedBaseUri)}&${parameters}`;
  }

  /**
   * The parameters Magento signs, in order: what `Helper\Request::_processRequest()` collects
   * (the header's protocol parameters, a form body, the query), then the profile's rules.
   *
   * @throws PhpRuntimeError where Magento itself fails with HTTP 500.
   */
  getSignedPairs(request: MagentoRequest, oauthData: OAuth.Data | ProtocolParams): SignedPair[] {
    return this.collectPairs(request, oauthData, request.parts ?? splitUrl(request.url));
  }

  private collectPairs(request: MagentoRequest, oauthData: OAuth.Data | ProtocolParams, url: UrlParts): SignedPair[] {
    const header: MagentoParams = new Map();
    const params = this.getProtocolParams(oauthData, request.data);
    for (const name in params) header.set(name, params[name]);
    return collectSignedPairs(this.profile, url, addBodyAndQueryParams(header, request, url.query));
  }

  /** The protocol parameters the header carries: `authorize`'s, without `oauth_version` if left out, then the request's further ones. */
  getProtocolParams(oauthData: OAuth.Data | ProtocolParams, further: ProtocolParams = {}): ProtocolParams {
    const params: ProtocolParams = {};
    const data = oauthData as ProtocolParams;
    for (const name in data) if (this.sendsVersion || name !== VERSION) params[name] = String(data[name]);
    for (const name in further) params[name] = further[name];
    return params;
  }

  /** The `Authorization` header value for the protocol parameters sent (`toHeader`'s format). */
  formatHeader(sent: ProtocolParams): string {
    return this.toHeader(sent as unknown as OAuth.Authorization).Authorization;
  }
}
