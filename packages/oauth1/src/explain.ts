import { buildLaminasBaseString, buildLatestBaseString, PhpRuntimeError, type BaseStringParts } from './base-string';
import { findRequestPitfalls } from './explain-notes';
import { addBodyAndQueryParams, parseMagentoAuthorizationHeader, type MagentoParams } from './magento-request-params';
import { OAuth1Error } from './oauth1-error';
import { parsePhpQuery } from './php-parse-str';
import { fromBytes, rawurldecode, toBytes } from './php-string';
import { SIGNATURE_PROFILES, type SignatureProfile } from './profiles';
import { buildMagentoRequestUrl, headerValue, splitUrl, type UrlParts } from './request-url';
import { buildOauthParams } from './oauth-params';
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

/**
 * The parameter table and base string of a request for both Magento profiles, with notes on what
 * each line does surprisingly. OAuth parameters come from `headers.authorization` when present,
 * otherwise from the signing fields (secrets are not needed and never shown).
 */
export function explainRequest(input: ExplainInput): RequestExplanation {
  const requestUrl = toBytes(buildMagentoRequestUrl(input.url, input.headers));
  const headerParams = readOauthParams(input);
  const contentType = headerValue(input.headers, 'content-type');
  const body = input.body === undefined || input.body === null ? null : toBytes(input.body);
  const url = splitUrl(requestUrl);
  const params = addBodyAndQueryParams(new Map(headerParams), { contentType, body, query: url.query });
  const first = input.profile ?? 'latest';
  const order = [first, ...SIGNATURE_PROFILES.filter((p) => p !== first)];
  const profiles = order.map((profile) => explainProfile(profile, input.method, url, params, headerParams, body, contentType));
  return {
    method: input.method.toUpperCase(),
    requestUrl: fromBytes(requestUrl),
    profiles,
    profilesAgree: profiles[0].baseString === profiles[1].baseString,
    notes: findRequestPitfalls(requestUrl, contentType, body),
  };
}

function readOauthParams(input: ExplainInput): MagentoParams {
  const header = headerValue(input.headers, 'authorization');
  if (header !== undefined) {
    const parsed = parseMagentoAuthorizationHeader(toBytes(header));
    if (parsed === null) throw new OAuth1Error('The Authorization header has no "OAuth " scheme.', 'HEADER_MALFORMED');
    return parsed;
  }
  const oauth = buildOauthParams({ ...input, consumerKey: input.consumerKey ?? '(consumer key)' } as SignInput, input.signatureMethod ?? 'HMAC-SHA256', {}, []);
  return new Map(Object.entries(oauth).map(([name, value]) => [name, toBytes(value)]));
}

function explainProfile(
  profile: SignatureProfile,
  method: string,
  url: UrlParts,
  params: MagentoParams,
  headerParams: MagentoParams,
  body: string | null,
  contentType: string | undefined,
): ProfileExplanation {
  let parts: BaseStringParts;
  try {
    parts = profile === 'latest' ? buildLatestBaseString(method, url, params) : buildLaminasBaseString(method, url, params);
  } catch (error) {
    if (!(error instanceof PhpRuntimeError)) throw error;
    return { profile, baseUri: null, baseString: null, parameters: [], error: `Magento fails with HTTP 500: ${error.message}` };
  }
  const formBody = body !== null && contentType?.startsWith('application/x-www-form-urlencoded') ? body : '';
  const bodyNames = new Set(parsePhpQuery(formBody).keys());
  const parameters = parts.encodedPairs.map(([name, value]): ExplainedParameter => {
    const decodedName = rawurldecode(name);
    const source = headerParams.has(decodedName) ? 'header' : bodyNames.has(decodedName) ? 'body' : 'query';
    return { name: fromBytes(decodedName), value: fromBytes(rawurldecode(value)), encoded: `${name}=${value}`, source };
  });
  return { profile, baseUri: fromBytes(parts.baseUri), baseString: parts.baseString, parameters, error: null };
}
