import { fromBytes, parseStrTopLevel, rawurlencode, toBytes } from '@magekit/php';
import { normaliseBaseUri } from './base-string';
import { MagentoRejection } from './magento-problems';
import { MagentoOAuth } from './magento-oauth';
import { headerValue, isFormBody, parseMagentoAuthorizationHeader, readMagentoRequest } from './magento-request';
import type { MagentoRequest, ProtocolParams } from './magento-request';
import { OAuth1Error } from './oauth1-error';
import { SIGNATURE_PROFILES, type SignatureProfile } from './profiles';
import { signRequest } from './sign';
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
  /** The profile asked for first, then the other one; whether both compute the same base string. */
  profiles: ProfileExplanation[];
  profilesAgree: boolean;
}

/** A request to explain: a received one (with its `Authorization` header) or one to sign (credentials optional). */
export type ExplainInput = Partial<SignInput> & Pick<SignInput, 'method' | 'url'>;

const PLACEHOLDER_CONSUMER_KEY = '(consumer key)';
const PLACEHOLDER_SECRET = '(not needed)';
const SIGNATURE = 'oauth_signature';

/**
 * The parameter table and base string of a request for both Magento profiles. OAuth parameters come from
 * `headers.authorization` when present, otherwise from the signing fields (secrets are not needed, never shown).
 */
export function explainRequest(input: ExplainInput): RequestExplanation {
  const request = readMagentoRequest(input);
  const header = readProtocolParams(input);
  const first = input.profile ?? 'latest';
  const order = [first, ...SIGNATURE_PROFILES.filter((profile) => profile !== first)];
  const profiles = order.map((profile) => explainProfile(profile, request, header));
  return {
    method: input.method.toUpperCase(),
    requestUrl: fromBytes(request.url),
    profiles,
    profilesAgree: profiles[0].baseString === profiles[1].baseString,
  };
}

/** The protocol parameters of the received header, or the ones a signer would send (without a signature). */
function readProtocolParams(input: ExplainInput): ProtocolParams {
  const authorization = headerValue(input.headers, 'authorization');
  if (authorization !== undefined) {
    const parsed = parseMagentoAuthorizationHeader(toBytes(authorization));
    if (parsed === null) throw new OAuth1Error('The Authorization header has no "OAuth " scheme.', 'HEADER_MALFORMED');
    return Object.fromEntries(parsed) as ProtocolParams;
  }
  // What a signer sends; the laminas rules never fail (the latest line's HTTP 500s are explained per profile).
  const consumerKey = input.consumerKey ?? PLACEHOLDER_CONSUMER_KEY;
  const signing = { ...input, consumerKey, consumerSecret: PLACEHOLDER_SECRET, token: input.token || null };
  const signed = signRequest({ ...signing, profile: 'laminas' });
  const sent: ProtocolParams = {};
  for (const [name, value] of Object.entries(signed.oauthParams))
    if (name !== SIGNATURE) sent[toBytes(name)] = toBytes(value);
  return sent;
}

function explainProfile(profile: SignatureProfile, request: MagentoRequest, sent: ProtocolParams): ProfileExplanation {
  const oauth = new MagentoOAuth({ profile, consumerKey: '', consumerSecret: '' });
  let pairs;
  try {
    pairs = oauth.getSignedPairs(request, sent);
  } catch (error) {
    if (!(error instanceof MagentoRejection)) throw error;
    const failure = `Magento fails with HTTP 500: ${error.message}`;
    return { profile, baseUri: null, baseString: null, parameters: [], error: failure };
  }
  const bodyNames = new Set(isFormBody(request) ? parseStrTopLevel(request.body as string).keys() : []);
  const parameters = pairs.map(([name, value]): ExplainedParameter => ({
    name: fromBytes(name),
    value: fromBytes(value),
    encoded: `${rawurlencode(name)}=${rawurlencode(value)}`,
    source: Object.hasOwn(sent, name) ? 'header' : bodyNames.has(name) ? 'body' : 'query',
  }));
  const baseUri = fromBytes(normaliseBaseUri(profile, request.parts));
  return { profile, baseUri, baseString: oauth.getBaseString(request, sent), parameters, error: null };
}
