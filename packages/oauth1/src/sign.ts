import { randomUUID } from 'node:crypto';
import type OAuth from 'oauth-1.0a';
import { PhpRuntimeError } from './base-string';
import { isSignatureMethod, type SignatureMethod } from './hmac';
import { MagentoOAuth, type MagentoRequest, type ProtocolParams } from './magento-oauth';
import { isProtocolParameter } from './magento-request-params';
import { generateNonce, MAX_NONCE_LENGTH } from './nonce';
import { OAuth1Error } from './oauth1-error';
import { fromBytes, toBytes } from './php-string';
import { isSignatureProfile, type SignatureProfile } from './profiles';
import { headerValue, magentoRequestBytes } from './request-url';
import type { SignedRequest, SignInput, SignOptions } from './sign-input';

const HTTP_METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const MILLISECONDS_PER_SECOND = 1000;
const UUID_DASHES = /-/g;
const PROFILE_HINT = 'Use "latest" (Magento 2.4.7+/2.4-develop) or "laminas" (Magento 2.4.4–2.4.6).';

/**
 * Signs a request exactly as Magento will verify it: HMAC-SHA256 by default, the URL as it will be
 * sent, form bodies signed and JSON bodies not, key `consumer_secret&token_secret`, in the chosen
 * profile's normalisation (`oauth-1.0a`'s `authorize` and `toHeader` with {@link MagentoOAuth}).
 * Pure apart from the injected clock and nonce; never mutates its input.
 *
 * @throws OAuth1Error `INVALID_URL`, `INVALID_METHOD`, `INVALID_INPUT`, `UNSUPPORTED_SIGNATURE_METHOD`,
 *   `UNSIGNABLE_REQUEST` (requests Magento itself cannot verify, e.g. a numeric query key on the latest line).
 */
export function signRequest(input: SignInput, options: SignOptions = {}): SignedRequest {
  const profile = checkProfile(input.profile);
  const signatureMethod = checkSignatureMethod(input.signatureMethod);
  checkHttpMethod(input.method);
  const oauth = createSigner(input, options, profile, signatureMethod, requireText(input.consumerSecret, 'consumerSecret'));
  const request = toMagentoRequest(input);
  const token = { key: input.token ?? undefined, secret: toBytes(input.tokenSecret ?? '') };
  if (token.key !== undefined) token.key = toBytes(token.key);
  const authorized = signOrExplainFailure(() => oauth.authorize(request, token as OAuth.Token), profile);
  const sent = oauth.getProtocolParams(authorized, request.data);
  const oauthParams: Record<string, string> = {};
  for (const name in sent) oauthParams[name] = fromBytes(sent[name]);
  return {
    baseString: oauth.signedBaseString as string,
    signingKey: fromBytes(oauth.getSigningKey(token.secret)),
    signature: authorized.oauth_signature,
    authorization: oauth.formatHeader(sent),
    oauthParams,
    baseUri: fromBytes(oauth.signedBaseUri as string),
    profile,
    warnings: findWarnings(fromBytes(sent.oauth_nonce), signatureMethod),
  };
}

/** A {@link MagentoOAuth} for the input's consumer, with the injected clock and nonce (or the input's fixed ones). */
export function createSigner(input: SignInput, options: SignOptions, profile: SignatureProfile, signatureMethod: SignatureMethod, consumerSecret: string): MagentoOAuth {
  const { randomBytes } = options;
  const clock = options.clock ?? Date.now;
  return new MagentoOAuth({
    profile,
    signatureMethod,
    consumerKey: requireText(input.consumerKey, 'consumerKey'),
    consumerSecret,
    version: input.oauthVersion,
    nonce: () => input.nonce ?? (options.nonce ? options.nonce() : randomBytes ? generateNonce(randomBytes) : createDefaultNonce()),
    timestamp: () => input.timestamp ?? Math.floor(clock() / MILLISECONDS_PER_SECOND),
  });
}

/** The request as Magento reads it (byte strings), with the further protocol parameters to sign and send. */
export function toMagentoRequest(input: Pick<SignInput, 'method' | 'url' | 'headers' | 'body' | 'verifier' | 'extraOauthParams'>): MagentoRequest {
  const data: ProtocolParams = {};
  if (input.verifier !== undefined && input.verifier !== null) data.oauth_verifier = toBytes(input.verifier);
  for (const [name, value] of Object.entries(input.extraOauthParams ?? {})) {
    if (!isProtocolParameter(name) || name === 'oauth_signature') {
      throw new OAuth1Error(`"${name}" is not an OAuth parameter Magento reads from the header.`, 'INVALID_INPUT', {
        hint: 'Extra OAuth parameters must be named oauth_<lowercase letters, _ or ->, e.g. oauth_callback.',
      });
    }
    data[toBytes(name)] = toBytes(value);
  }
  const body = input.body === undefined || input.body === null ? null : toBytes(input.body);
  const { url, parts } = magentoRequestBytes(input.url, input.headers);
  return { method: input.method, url, parts, contentType: headerValue(input.headers, 'content-type'), body, data };
}

/** 32 random hex digits (122 bits from node:crypto's CSPRNG, which `randomUUID` reads in batches): a subset of Magento's `[0-9a-z]{32}`. */
function createDefaultNonce(): string {
  return randomUUID().replace(UUID_DASHES, '');
}

function signOrExplainFailure<T>(sign: () => T, profile: SignatureProfile): T {
  try {
    return sign();
  } catch (error) {
    if (!(error instanceof PhpRuntimeError)) throw error;
    throw new OAuth1Error(`Magento (${profile} profile) cannot verify this request: it fails with HTTP 500 (${error.message}).`, 'UNSIGNABLE_REQUEST', {
      hint: "Numeric query keys and bracketed form-body names break Magento's signature check: rename the parameter or send the data as JSON.",
      cause: error,
    });
  }
}

function findWarnings(nonce: string, method: SignatureMethod): string[] {
  const warnings: string[] = [];
  if (nonce.length > MAX_NONCE_LENGTH) warnings.push(`The nonce has ${nonce.length} characters: Magento stores 32, so a longer nonce loses replay protection.`);
  if (method === 'HMAC-SHA1') warnings.push('HMAC-SHA1 is refused by Magento 2.4.4 and later: "Signature method HMAC-SHA1 is not supported".');
  return warnings;
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new OAuth1Error(`"${field}" must be a non-empty string.`, 'INVALID_INPUT', {
      hint: "The consumer key and secret come from Magento's callback POST (oauth_consumer_key, oauth_consumer_secret).",
    });
  }
  return value;
}

function checkProfile(profile: unknown): SignatureProfile {
  if (profile === undefined) return 'latest';
  if (isSignatureProfile(profile)) return profile;
  throw new OAuth1Error(`Unknown signature profile ${JSON.stringify(profile)}.`, 'INVALID_INPUT', { hint: PROFILE_HINT });
}

function checkSignatureMethod(method: unknown): SignatureMethod {
  if (method === undefined) return 'HMAC-SHA256';
  if (isSignatureMethod(method)) return method;
  throw new OAuth1Error(`Signature method ${JSON.stringify(method)} is not supported.`, 'UNSUPPORTED_SIGNATURE_METHOD', {
    hint: 'Use HMAC-SHA256, the only method Magento 2.4.4+ accepts (HMAC-SHA1 only for ≤ 2.4.3; PLAINTEXT never).',
  });
}

function checkHttpMethod(method: unknown): void {
  if (typeof method !== 'string' || !HTTP_METHOD_TOKEN.test(method)) {
    throw new OAuth1Error(`Not an HTTP method: ${JSON.stringify(method)}.`, 'INVALID_METHOD', { hint: 'Use GET, POST, PUT or DELETE.' });
  }
}
