import { estimateClockSkew, joinRestUrl, MagentoClientError } from '@magekit/client';
import { buildImsHeaders, classifyAuthenticatedCall } from './check-authenticated-call';
import { classifyImsToken, requestDoctorToken } from './check-ims-token';
import { ENCODED_SLASH_PATH, classifyEncodedSlash } from './check-encoded-slash';
import { buildPageSizeQuery, classifyPageSize, PAGE_SIZE_PATH, PAGE_SIZE_PROBE } from './check-page-size';
import { isReachable } from './check-reachability';
import { classifyResources, type ProbedCall } from './check-resources';
import { classifySaasClockSkew } from './check-saas-clock-skew';
import { classifySaasReachability, SAAS_PROBE_PATH } from './check-saas-reachability';
import { skipCheck, sortResults, type CheckName, type CheckResult, type DoctorReport } from './doctor-check';
import { IMS_CREDENTIALS_HINT, type DoctorImsCredentials } from './ims-credentials';
import type { ResourceProbe } from './plan-resource-probes';
import { planSaasProbes, skipNotApplicable } from './saas-checks';
import type { SaasTarget } from './saas-target';
import { sendProbe, type ProbeDeps } from './store-probe';
import type { StoreReply } from './store-reply';
import { readSaasVersion, type StoreVersion } from './store-version';

/** What to examine on an Adobe Commerce as a Cloud Service tenant. */
export interface SaasDoctorInput {
  /** The URL as given. */
  storeUrl: string;
  target: SaasTarget;
  /** `--store`: the store view, sent as the `Store` header. */
  store?: string;
  /** The IMS credential, or null (only the checks that need no token run). */
  credentials: DoctorImsCredentials | null;
  probes: ResourceProbe[] | null;
}

const TOKEN_CHECKS: CheckName[] = ['ims-token', 'authenticated-call', 'encoded-slash', 'page-size', 'resources'];
const GATEWAY_ANSWER = "gateway's 401";
const CALL_ANSWER = 'authenticated call';

/**
 * Runs the checks that apply to a SaaS tenant (docs/magento-behaviour.md §11), as a recipe:
 * reachability (the gateway's 401 without a token), then with an IMS credential a token from IMS and
 * the calls made with it (authenticated call, clock skew from its `Date`, encoded slashes, page
 * size, resources). Signature profile and Authorization passthrough do not apply and say so; a check
 * that cannot run is `skipped` with the reason. Never throws for the answers of IMS or the tenant;
 * the token and the secret go into no result.
 */
export async function runSaasDoctor(input: SaasDoctorInput, deps: ProbeDeps): Promise<DoctorReport> {
  const url = (path: string, query = '') => joinRestUrl(input.target.restBaseUrl, path, query);
  const reachabilityUrl = url(SAAS_PROBE_PATH);
  const send: SendSaasProbe = (path, headers, query) =>
    sendToTenant(input.target.restBaseUrl, path, query, headers, deps);
  const first = await sendProbe(reachabilityUrl, {}, deps);
  const reachability = classifySaasReachability(first, reachabilityUrl);
  const fixed = [reachability, ...skipNotApplicable()];
  if (!isReachable(reachability))
    return report(input, null, [
      ...fixed,
      ...skipAll(
        [...TOKEN_CHECKS, 'clock-skew'],
        "not checked: the tenant did not answer as Adobe's API gateway (see reachability)",
      ),
    ]);
  const version = readSaasVersion(reachabilityUrl, first.sandboxProfile);
  if (input.credentials === null)
    return report(input, version, [
      ...fixed,
      classifySaasClockSkew(readSkew(first), GATEWAY_ANSWER),
      ...skipAll(TOKEN_CHECKS, 'not checked: no IMS credential given', IMS_CREDENTIALS_HINT),
    ]);
  return report(input, version, [...fixed, ...(await runTokenChecks(input, input.credentials, first, send, deps))]);
}

/** Sends one GET to a path under the tenant with these headers. */
type SendSaasProbe = (path: string, headers: Record<string, string>, query?: string) => Promise<StoreReply>;

async function runTokenChecks(
  input: SaasDoctorInput,
  credentials: DoctorImsCredentials,
  first: StoreReply,
  send: SendSaasProbe,
  deps: ProbeDeps,
): Promise<CheckResult[]> {
  const outcome = await requestDoctorToken(credentials, deps);
  const token = classifyImsToken(outcome, credentials);
  if (outcome.accessToken === null)
    return [
      token,
      classifySaasClockSkew(readSkew(first), GATEWAY_ANSWER),
      ...skipAll(TOKEN_CHECKS.slice(1), 'not checked: no IMS token (see ims-token)'),
    ];
  const accessToken = outcome.accessToken;
  const headers = (store = input.store) => buildImsHeaders(credentials, accessToken, store);
  const call = await send(SAAS_PROBE_PATH, headers());
  const authenticated = classifyAuthenticatedCall(call);
  const callSkew = readSkew(call);
  const clock =
    callSkew === null
      ? classifySaasClockSkew(readSkew(first), GATEWAY_ANSWER)
      : classifySaasClockSkew(callSkew, CALL_ANSWER);
  if (authenticated.status !== 'pass')
    return [
      token,
      authenticated,
      clock,
      ...skipAll(
        ['encoded-slash', 'page-size', 'resources'],
        'not checked: the authenticated call did not go through (see authenticated-call)',
      ),
    ];
  const slash = classifyEncodedSlash(await send(ENCODED_SLASH_PATH, headers()), 'saas');
  const pageSize = classifyPageSize(
    await send(PAGE_SIZE_PATH, headers(), buildPageSizeQuery()),
    PAGE_SIZE_PROBE,
    'saas',
  );
  if (input.probes === null)
    return [
      token,
      authenticated,
      clock,
      slash,
      pageSize,
      skipCheck(
        'resources',
        'not checked: no --calls or --resources given',
        'Give the calls your integration makes (--calls calls.txt, one "METHOD /V1/path" a line) or the resources it needs (--resources Magento_Catalog::products,…).',
      ),
    ];
  const probed: ProbedCall[] = [];
  for (const probe of planSaasProbes(input.probes)) {
    const request = probe.request;
    probed.push({
      probe,
      reply: request === null ? null : await send(request.path, headers(request.store ?? input.store), request.query),
    });
  }
  return [token, authenticated, clock, slash, pageSize, classifyResources(probed, 'saas')];
}

/** {@link sendProbe} to `<rest base><path>?<query>`; a path or query that cannot be sent as given is a reply without an answer. */
async function sendToTenant(
  restBaseUrl: string,
  path: string,
  query: string | undefined,
  headers: Record<string, string>,
  deps: ProbeDeps,
): Promise<StoreReply> {
  let target: string;
  try {
    target = joinRestUrl(restBaseUrl, path, query ?? '');
  } catch (cause) {
    const error =
      cause instanceof MagentoClientError ? cause : new MagentoClientError(String(cause), 'INVALID_INPUT', { cause });
    return { ...NOT_SENT, error };
  }
  return sendProbe(target, headers, deps);
}

const NOT_SENT: StoreReply = {
  status: null,
  error: null,
  contentType: null,
  location: null,
  dateHeader: null,
  receivedAt: null,
  durationMs: null,
};

/** Store clock − local clock from an answer's `Date` header, or null without one. */
function readSkew(reply: StoreReply): number | null {
  return reply.dateHeader !== null && reply.receivedAt !== null
    ? estimateClockSkew(reply.dateHeader, reply.receivedAt)
    : null;
}

function skipAll(names: CheckName[], finding: string, hint: string | null = null): CheckResult[] {
  return names.map((name) => skipCheck(name, finding, hint));
}

function report(input: SaasDoctorInput, version: StoreVersion | null, results: CheckResult[]): DoctorReport {
  return { store: input.storeUrl, edition: 'saas', saas: input.target, version, checks: sortResults(results) };
}
