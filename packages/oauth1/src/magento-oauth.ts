import { createHmac } from 'node:crypto';
import { rawurlencode, toBytes } from '@magekit/php';
import OAuth from 'oauth-1.0a';
import { collectSignedPairs, encodeParameterString, formatParameterString, normaliseBaseUri } from './base-string';
import type { SignedPair } from './base-string';
import { addBodyAndQueryParams, splitUrl, type MagentoRequest, type ProtocolParams } from './magento-request';
import type { SignatureProfile } from './profiles';

/** The protocol parameters as `authorize` makes them, or as a header carried them. */
type OAuthData = OAuth.Data | ProtocolParams;

export interface MagentoOAuthOptions {
  profile: SignatureProfile;
  consumerKey: string;
  consumerSecret: string;
  /** Default `HMAC-SHA256`. */
  signatureMethod?: SignatureMethod;
  /** `oauth_version`; default `1.0`; null leaves it out (Magento treats it as optional). */
  version?: string | null;
  nonce?: () => string;
  /** Unix seconds. */
  timestamp?: () => string | number;
}

const VERSION = 'oauth_version';

/** Signature methods this package can compute. Magento 2.4.4+ accepts only HMAC-SHA256. */
export type SignatureMethod = 'HMAC-SHA256' | 'HMAC-SHA1';

/** The node:crypto digest of each method (`Magento\Framework\Oauth\Helper\Signature\HmacInterface`). */
const DIGESTS: Readonly<Record<SignatureMethod, string>> = { 'HMAC-SHA256': 'sha256', 'HMAC-SHA1': 'sha1' };

export function isSignatureMethod(value: unknown): value is SignatureMethod {
  return typeof value === 'string' && Object.hasOwn(DIGESTS, value);
}

function unavailable(): never {
  throw new Error('This signer was made without a nonce or clock.');
}

/**
 * `oauth-1.0a` with Magento's base-string rules. The package does the OAuth mechanics: `authorize`,
 * the base string `METHOD&rawurlencode(base URI)&rawurlencode(parameter string)`, the signing key
 * `rawurlencode(consumer secret)&rawurlencode(token secret)`, the HMAC through `hash_function` and
 * `toHeader`. This subclass supplies the steps Magento does its own way, per profile: the base URI,
 * the signed parameters and PHP's `rawurlencode`, on byte strings as PHP sees them (credentials,
 * nonce and timestamp are turned into UTF-8 bytes on the way in).
 */
export class MagentoOAuth extends OAuth {
  /** The base string of this signer's last signature. */
  signedBaseString: string | null = null;

  constructor(private readonly options: MagentoOAuthOptions) {
    const method = options.signatureMethod ?? 'HMAC-SHA256';
    super({
      consumer: { key: toBytes(options.consumerKey), secret: toBytes(options.consumerSecret) },
      signature_method: method,
      // The base64 HMAC of the base string (it and the key are ASCII).
      hash_function: (baseString, key) => createHmac(DIGESTS[method], key).update(baseString).digest('base64'),
    });
    this.version = toBytes(options.version ?? '1.0');
  }

  override getNonce(): string {
    return toBytes((this.options.nonce ?? unavailable)());
  }

  /** The timestamp as it is sent: Magento reads it as a string (and casts it with PHP's `(int)` later). */
  override getTimeStamp(): number {
    return toBytes(String((this.options.timestamp ?? unavailable)())) as unknown as number;
  }

  /** PHP's `rawurlencode`, for the header, the key and the base string. */
  override percentEncode(bytes: string): string {
    return rawurlencode(String(bytes));
  }

  /** The base URI of this profile (`Helper\Signature\Hmac`, or `Laminas\Uri` on 2.4.4–2.4.6). */
  override getBaseUrl(url: string): string {
    return normaliseBaseUri(this.options.profile, splitUrl(url));
  }

  /** The parameter string: Magento's signed pairs ({@link MagentoOAuth.getSignedPairs}), rawurlencoded. */
  override getParameterString(request: MagentoRequest, oauthData: OAuthData): string {
    return formatParameterString(this.getSignedPairs(request, oauthData));
  }

  /** The base string, `METHOD&rawurlencode(base URI)&rawurlencode(parameter string)`, as `oauth-1.0a` builds it. */
  override getBaseString(request: MagentoRequest, oauthData: OAuthData): string {
    const baseUri = this.percentEncode(normaliseBaseUri(this.options.profile, request.parts));
    const parameters = encodeParameterString(this.getSignedPairs(request, oauthData));
    return `${request.method.toUpperCase()}&${baseUri}&${parameters}`;
  }

  /** `oauth-1.0a`'s `getSignature`, keeping the base string it signs. */
  override getSignature(request: MagentoRequest, tokenSecret: string | undefined, oauthData: OAuthData): string {
    this.signedBaseString = this.getBaseString(request, oauthData);
    return this.hash_function(this.signedBaseString, this.getSigningKey(tokenSecret));
  }

  /**
   * The parameters Magento signs, in order: what `Helper\Request::_processRequest()` collects (the
   * header's protocol parameters, a form body, the query), then the profile's rules.
   *
   * @throws MagentoRejection of a PHP error where Magento itself fails with HTTP 500.
   */
  getSignedPairs(request: MagentoRequest, oauthData: OAuthData): SignedPair[] {
    const header = new Map(Object.entries(this.getProtocolParams(oauthData, request.data)));
    return collectSignedPairs(this.options.profile, request.parts, addBodyAndQueryParams(header, request));
  }

  /** `authorize()`: the protocol parameters sent in the header, signature included. */
  authorizeRequest(request: MagentoRequest, token?: OAuth.Token): ProtocolParams {
    return this.getProtocolParams(this.authorize(request, token), request.data);
  }

  /** The protocol parameters the header carries: `authorize`'s (without an unsent `oauth_version`), then `further`. */
  getProtocolParams(oauthData: OAuthData, further: ProtocolParams = {}): ProtocolParams {
    const params: ProtocolParams = {};
    for (const [name, value] of Object.entries(oauthData))
      if (name !== VERSION || this.options.version !== null) params[name] = String(value);
    return Object.assign(params, further);
  }

  /** The `Authorization` header value for the protocol parameters sent (`toHeader`'s format). */
  formatHeader(sent: ProtocolParams): string {
    return this.toHeader(sent as unknown as OAuth.Authorization).Authorization;
  }
}
