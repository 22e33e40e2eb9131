import type OAuth from 'oauth-1.0a';
import { PhpRuntimeError } from './base-string';
import { findRequestPitfalls } from './explain-notes';
import { MagentoOAuth, type MagentoRequest, type ProtocolParams } from './magento-oauth';
import { isFormBody, parseMagentoAuthorizationHeader } from './magento-request-params';
import { OAuth1Error } from './oauth1-error';
import { parsePhpQuery } from './php-parse-str';
import { fromBytes, rawurlencode, toBytes } from './php-string';
import { SIGNATURE_PROFILES, type SignatureProfile } from './profiles';
import { headerValue } from './request-url';
import { createSigner, toMagentoRequest } from './sign';
import type { SignInput } from './sign-input';

/** One signed parameter, decoded and as it appears in the base string. */
export interface ExplainedParameter {
  name: string;
  value: string;
  encoded: string;
  source: 'header' | 'body' | 'query';
}

/** The base string of a request for one profile, or why Magento cannot compute it. */
export interface ProfileExplanation {
  profile: SignatureProfile;
  baseUri: string | null;
  baseString: string | null;
  parameters: ExplainedParameter[];
  error: string | null;
}

/** What {@link explainRequest} returns. */
export interface RequestExplanation {
  method: string;
  /** The URL Magento rebuilds (scheme, Host header, request URI). */
  requestUrl: string;
  /** The profile asked for first, then the other one. */
  profiles: ProfileExplanation[];
  /** Whether both profiles compute the same base string. */
  profilesAgree: boolean;
  notes: string[];
}

/** A request to explain: a received one (with its `Authorization` header) or one to sign (credentials optional). */
export type ExplainInput = Partial<SignInput> & Pick<SignInput, 'method' | 'url'>;

const PLACEHOLDER_CONSUMER_KEY = '(consumer key)';

/**
 * The parameter table and base string of a request for both Magento profiles, with notes on what
 * each line does surprisingly. OAuth parameters come from `headers.authorization` when present,
 * otherwise from the signing fields (secrets are not needed and never shown).
 */
export function explainRequest(input: ExplainInput): RequestExplanation {
  const request = { ...toMagentoRequest({ ...input, verifier: null, extraOauthParams: undefined }), data: {} };
  const header = readProtocolParams(input, request);
  const first = input.profile ?? 'latest';
  const profiles = [first, ...SIGNATURE_PROFILES.filter((p) => p !== first)].map((profile) => explainProfile(profile, request, header));
  return {
    method: input.method.toUpperCase(),
    requestUrl: fromBytes(request.url),
    profiles,
    profilesAgree: profiles[0].baseString === profiles[1].baseString,
    notes: findRequestPitfalls(request.url, request.contentType ?? undefined, request.body),
  };
}

/** The protocol parameters of the received header, or the ones a signer would send (without a signature). */
function readProtocolParams(input: ExplainInput, request: MagentoRequest): ProtocolParams {
  const authorization = headerValue(input.headers, 'authorization');
  if (authorization !== undefined) {
    const parsed = parseMagentoAuthorizationHeader(toBytes(authorization));
    if (parsed === null) throw new OAuth1Error('The Authorization header has no "OAuth " scheme.', 'HEADER_MALFORMED');
    return Object.fromEntries(parsed) as ProtocolParams;
  }
  const signing = { ...input, consumerKey: input.consumerKey ?? PLACEHOLDER_CONSUMER_KEY } as SignInput;
  // authorize() makes the parameters a signer sends; its signature is dropped. The laminas rules
  // never fail (the latest line's HTTP 500 cases are explained per profile below).
  const oauth = createSigner(signing, {}, 'laminas', input.signatureMethod ?? 'HMAC-SHA256', '');
  const { data } = toMagentoRequest(signing);
  const sent = oauth.getProtocolParams(oauth.authorize({ ...request, data }, input.token ? ({ key: toBytes(input.token) } as OAuth.Token) : undefined), data);
  delete sent.oauth_signature;
  return sent;
}

function explainProfile(profile: SignatureProfile, request: MagentoRequest, header: ProtocolParams): ProfileExplanation {
  const oauth = new MagentoOAuth({ profile, consumerKey: '', consumerSecret: '' });
  let pairs;
  try {
    pairs = oauth.getSignedPairs(request, header);
  } catch (error) {
    if (!(error instanceof PhpRuntimeError)) throw error;
    return { profile, baseUri: null, baseString: null, parameters: [], error: `Magento fails with HTTP 500: ${error.message}` };
  }
  const bodyNames = new Set(isFormBody(request) ? parsePhpQuery(request.body as string).keys() : []);
  const parameters = pairs.map(([name, value]): ExplainedParameter => {
    const source = Object.prototype.hasOwnProperty.call(header, name) ? 'header' : bodyNames.has(name) ? 'body' : 'query';
    return { name: fromBytes(name), value: fromBytes(value), encoded: `${rawurlencode(name)}=${rawurlencode(value)}`, source };
  });
  return { profile, baseUri: fromBytes(oauth.getBaseUrl(request.url)), baseString: oauth.getBaseString(request, header), parameters, error: null };
}
