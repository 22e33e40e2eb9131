import { fromBytes, toBytes } from '@magekit/php';
import type OAuth from 'oauth-1.0a';
import { normaliseBaseUri } from './base-string';
import { MagentoRejection } from './magento-problems';
import { MagentoOAuth, type SignatureMethod } from './magento-oauth';
import { isProtocolParameter, readMagentoRequest, type MagentoRequest, type ProtocolParams } from './magento-request';
import { MAX_NONCE_LENGTH, nextNonce } from './nonce';
import { OAuth1Error } from './oauth1-error';
import type { SignatureProfile } from './profiles';
import { checkSignInput, requireCredential, type SignedRequest, type SignInput, type SignOptions } from './sign-input';

const MILLISECONDS_PER_SECOND = 1000;
const SIGNATURE = 'oauth_signature';

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
  const { profile, signatureMethod } = checkSignInput(input);
  const clock = options.clock ?? Date.now;
  const oauth = new MagentoOAuth({
    profile,
    signatureMethod,
    consumerKey: requireCredential(input.consumerKey, 'consumerKey'),
    consumerSecret: input.consumerSecret,
    version: input.oauthVersion,
    nonce: () => input.nonce ?? nextNonce(options),
    timestamp: () => input.timestamp ?? Math.floor(clock() / MILLISECONDS_PER_SECOND),
  });
  const request = toMagentoRequest(input);
  const tokenSecret = toBytes(input.tokenSecret ?? '');
  const token = { key: input.token == null ? undefined : toBytes(input.token), secret: tokenSecret } as OAuth.Token;
  const sent = signOrExplainFailure(profile, () => oauth.authorizeRequest(request, token));
  const oauthParams: Record<string, string> = {};
  for (const [name, value] of Object.entries(sent)) oauthParams[fromBytes(name)] = fromBytes(value);
  return {
    baseString: oauth.signedBaseString as string,
    signingKey: fromBytes(oauth.getSigningKey(tokenSecret)),
    signature: sent[SIGNATURE],
    authorization: oauth.formatHeader(sent),
    oauthParams,
    baseUri: fromBytes(normaliseBaseUri(profile, request.parts)),
    profile,
    warnings: findWarnings(oauthParams.oauth_nonce, signatureMethod),
  };
}

type RequestInput = Pick<SignInput, 'method' | 'url' | 'headers' | 'body' | 'verifier' | 'extraOauthParams'>;

/** The request as Magento reads it (byte strings), with the further protocol parameters to sign and send. */
export function toMagentoRequest(input: RequestInput): MagentoRequest {
  return readMagentoRequest(input, readFurtherProtocolParams(input));
}

/** The protocol parameters sent besides `authorize`'s: the verifier and the extra ones (byte strings). */
function readFurtherProtocolParams(input: RequestInput): ProtocolParams {
  const data: ProtocolParams = {};
  if (input.verifier !== undefined && input.verifier !== null) data.oauth_verifier = toBytes(input.verifier);
  for (const [name, value] of Object.entries(input.extraOauthParams ?? {})) {
    if (!isProtocolParameter(name) || name === SIGNATURE) {
      throw new OAuth1Error(`"${name}" is not an OAuth parameter Magento reads from the header.`, 'INVALID_INPUT', {
        hint: 'Extra OAuth parameters must be named oauth_<lowercase letters, _ or ->, e.g. oauth_callback.',
      });
    }
    data[toBytes(name)] = toBytes(value);
  }
  return data;
}

const UNSIGNABLE_HINT =
  "Numeric query keys and bracketed form-body names break Magento's signature check: rename them or send JSON.";

function signOrExplainFailure<T>(profile: SignatureProfile, sign: () => T): T {
  try {
    return sign();
  } catch (error) {
    if (!(error instanceof MagentoRejection)) throw error;
    const message = `Magento (${profile} profile) cannot verify this request: HTTP 500 (${error.message}).`;
    throw new OAuth1Error(message, 'UNSIGNABLE_REQUEST', { hint: UNSIGNABLE_HINT, cause: error });
  }
}

function findWarnings(nonce: string, method: SignatureMethod): string[] {
  const warnings: string[] = [];
  if (nonce.length > MAX_NONCE_LENGTH) {
    warnings.push(`The nonce has ${nonce.length} characters: Magento stores 32, longer ones lose replay protection.`);
  }
  if (method === 'HMAC-SHA1') warnings.push('Magento 2.4.4+ says "Signature method HMAC-SHA1 is not supported".');
  return warnings;
}
