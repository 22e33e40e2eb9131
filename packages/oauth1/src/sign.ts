import { formatSignedAuthorizationHeader, TRUSTED_BASE64_SIGNATURE, TRUSTED_NONCE, TRUSTED_SIGNATURE_METHOD, TRUSTED_VERSION } from './authorization-header';
import { collectSignedParts, PhpRuntimeError, type SignedParts } from './base-string';
import { baseStringText, signLastBaseString, writeBaseString } from './base-string-writer';
import { isSignatureMethod, prepareSigningKey, type SignatureMethod } from './hmac';
import { addBodyAndQueryParams, type MagentoParams } from './magento-request-params';
import { buildOauthParams, requireConsumerSecret } from './oauth-params';
import { collectOauthOnlyParts } from './oauth-only-parts';
import { OAuth1Error } from './oauth1-error';
import { fromBytes, toBytes } from './php-string';
import { isSignatureProfile, type SignatureProfile } from './profiles';
import { splitQuery, type QuerySegment } from './query-segments';
import { headerValue, resolveRequestUrl, type UrlParts } from './request-url';
import type { SignedRequest, SignInput, SignOptions } from './sign-input';

const TOKEN_CHARS = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Signs a request exactly as Magento will verify it: HMAC-SHA256 by default, the URL as it will be
 * sent, form bodies signed and JSON bodies not, key `consumer_secret&token_secret`, in the chosen
 * profile's normalisation. Pure apart from the injected clock and CSPRNG; never mutates its input.
 *
 * @throws OAuth1Error `INVALID_URL`, `INVALID_METHOD`, `INVALID_INPUT`, `UNSUPPORTED_SIGNATURE_METHOD`,
 *   `UNSIGNABLE_REQUEST` (requests Magento itself cannot verify, e.g. a numeric query key on the latest line).
 * @see MAGENTO.md §1.3–§1.4
 */
export function signRequest(input: SignInput, options: SignOptions = {}): SignedRequest {
  const profile = checkProfile(input.profile);
  const signatureMethod = checkSignatureMethod(input.signatureMethod);
  checkMethod(input.method);
  const warnings: string[] = [];
  const oauthParams = buildOauthParams(input, signatureMethod, options, warnings);
  requireConsumerSecret(input);
  const url = resolveRequestUrl(input.url, input.headers);
  const parts = collectParts(input, profile, url, oauthParams);
  writeBaseString(input.method, parts.baseUri, parts.pairs);
  const key = prepareSigningKey(input.consumerSecret, input.tokenSecret);
  const baseString = baseStringText();
  const signature = signLastBaseString(signatureMethod, key);
  // oauthParams is this call's own object: the signature goes last, as it is sent.
  const sent = oauthParams;
  sent.oauth_signature = signature;
  return {
    baseString,
    signingKey: key.text,
    signature,
    authorization: formatSignedAuthorizationHeader(sent, trustedHeaderValues(input)),
    oauthParams: sent,
    // An ASCII URL gives an ASCII base URI in both profiles.
    baseUri: url.ascii === true ? parts.baseUri : fromBytes(parts.baseUri),
    profile,
    warnings,
  };
}

function checkProfile(profile: unknown): SignatureProfile {
  if (profile === undefined) return 'latest';
  if (isSignatureProfile(profile)) return profile;
  throw new OAuth1Error(`Unknown signature profile ${JSON.stringify(profile)}.`, 'INVALID_INPUT', {
    hint: 'Use "latest" (Magento 2.4.7+/2.4-develop) or "laminas" (Magento 2.4.4–2.4.6).',
  });
}

function checkSignatureMethod(method: unknown): SignatureMethod {
  if (method === undefined) return 'HMAC-SHA256';
  if (isSignatureMethod(method)) return method;
  throw new OAuth1Error(`Signature method ${JSON.stringify(method)} is not supported.`, 'UNSUPPORTED_SIGNATURE_METHOD', {
    hint: 'Use HMAC-SHA256, the only method Magento 2.4.4+ accepts (HMAC-SHA1 only for ≤ 2.4.3; PLAINTEXT never).',
  });
}

function checkMethod(method: unknown): void {
  if (typeof method !== 'string' || !TOKEN_CHARS.test(method)) {
    throw new OAuth1Error(`Not an HTTP method: ${JSON.stringify(method)}.`, 'INVALID_METHOD', { hint: 'Use GET, POST, PUT or DELETE.' });
  }
}

/** The signed parts of this request: the parameters Magento will collect (header params as sent, body, query), normalised. */
function collectParts(input: SignInput, profile: SignatureProfile, url: UrlParts, oauthParams: Record<string, string>): SignedParts {
  const contentType = headerValue(input.headers, 'content-type');
  const body = input.body === undefined || input.body === null ? null : toBytes(input.body);
  // As Magento's request helper reads a body: only a form one, by its content type.
  const formBody = body !== null && contentType ? contentType.startsWith('application/x-www-form-urlencoded') : false;
  const onlyOauth = url.query === null && !formBody && (input.extraOauthParams === undefined || input.extraOauthParams === null);
  // What Magento's header parser yields for the header we send: the values' UTF-8 bytes.
  const header: Record<string, string> | null = onlyOauth ? {} : null;
  const params: MagentoParams | null = onlyOauth ? null : new Map();
  for (const name of Object.keys(oauthParams)) {
    const value = oauthParams[name];
    const bytes = isAsciiByConstruction(input, name) ? value : toBytes(value);
    if (header !== null) header[name] = bytes;
    else (params as MagentoParams).set(name, bytes);
  }
  if (header !== null) return collectOauthOnlyParts(profile, url, header);
  // The latest line reads the query twice (request helper, then parse_str): split it once for both.
  const segments = profile === 'latest' && url.query !== null ? splitQuery(url.query) : null;
  addBodyAndQueryParams(params as MagentoParams, { contentType, body, query: url.query, querySegments: segments });
  return computeParts(profile, url, params as MagentoParams, segments);
}

/** Values this package made itself and that are ASCII, hence their own UTF-8 bytes. */
function isAsciiByConstruction(input: SignInput, name: string): boolean {
  const extra = input.extraOauthParams;
  if (extra !== undefined && extra !== null && Object.prototype.hasOwnProperty.call(extra, name)) return false;
  switch (name) {
    case 'oauth_signature_method':
      return true;
    case 'oauth_nonce':
      return input.nonce === undefined || input.nonce === null;
    case 'oauth_timestamp':
      return input.timestamp === undefined || input.timestamp === null || typeof input.timestamp === 'number';
    case 'oauth_version':
      return input.oauthVersion === undefined;
    default:
      return false;
  }
}

/** The header values this package made itself from unreserved chars (none when extra parameters may override them). */
function trustedHeaderValues(input: SignInput): number {
  if (input.extraOauthParams !== undefined && input.extraOauthParams !== null) return 0;
  let trusted = TRUSTED_SIGNATURE_METHOD | TRUSTED_BASE64_SIGNATURE;
  if (input.nonce === undefined || input.nonce === null) trusted |= TRUSTED_NONCE;
  if (input.oauthVersion === undefined) trusted |= TRUSTED_VERSION;
  return trusted;
}

function computeParts(profile: SignatureProfile, url: UrlParts, params: MagentoParams, segments: QuerySegment[] | null) {
  try {
    return collectSignedParts(profile, url, params, true, segments);
  } catch (error) {
    if (!(error instanceof PhpRuntimeError)) throw error;
    throw new OAuth1Error(`Magento (${profile} profile) cannot verify this request: it fails with HTTP 500 (${error.message}).`, 'UNSIGNABLE_REQUEST', {
      hint: 'Numeric query keys and bracketed form-body names break Magento\'s signature check: rename the parameter or send the data as JSON.',
      cause: error,
    });
  }
}
