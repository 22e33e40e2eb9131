import { buildRestRoot, estimateClockSkew, joinRestUrl, type OAuthCredentials, type RestScope } from '@magekit/client';
import type { SignatureProfile } from '@magekit/oauth1';
import {
  classifyAuthorizationHeader,
  buildVersionProbeHeader,
  PROTECTED_PATH,
  readHeaderArrival,
} from './check-authorization-header';
import { classifyClockSkew } from './check-clock-skew';
import { classifyEncodedSlash, ENCODED_SLASH_PATH } from './check-encoded-slash';
import { buildPageSizeQuery, classifyPageSize, PAGE_SIZE_PATH } from './check-page-size';
import { classifyReachability, isReachable, NONSENSE_PATH } from './check-reachability';
import { classifyResources } from './check-resources';
import { classifySignatureProfile, PROFILE_PROBE_QUERY, readDetectedProfile } from './check-signature';
import { skipCheck, sortResults, type CheckName, type CheckResult, type DoctorReport } from './doctor-check';
import type { ResourceProbe } from './plan-resource-probes';
import { createSignedProber, sendProbe, type ProbeDeps } from './store-probe';
import type { StoreReply } from './store-reply';
import { fetchStoreVersion, type StoreVersion } from './store-version';

/** What to examine. */
export interface DoctorInput {
  /** `store_base_url`, e.g. `https://shop.example.com/`. */
  baseUrl: string;
  scope: RestScope;
  /** The integration's OAuth credentials, or null (only the checks that need none run). */
  credentials: OAuthCredentials | null;
  /** Calls or resources to try (--calls / --resources), or null. */
  probes: ResourceProbe[] | null;
}

const CREDENTIALS_HINT =
  "Pass the integration's credentials (System > Extensions > Integrations > Edit > Integration Details): --consumer-key, --consumer-secret, --token, --token-secret, or MAGEKIT_CONSUMER_KEY, MAGEKIT_CONSUMER_SECRET, MAGEKIT_TOKEN, MAGEKIT_TOKEN_SECRET.";

/**
 * Runs every check against one store, as a recipe: the unsigned probes (reachability and clock
 * skew from one answer, the store's version from `/magento_version`, the Authorization header, encoded
 * slashes), then with credentials the signed ones (signature profile, page size, resources). A check
 * that cannot run is `skipped` with the reason. Never throws for the store's answers.
 */
export async function runDoctor(input: DoctorInput, deps: ProbeDeps): Promise<DoctorReport> {
  const root = buildRestRoot(input.baseUrl, input.scope);
  const url = (path: string) => joinRestUrl(root, path, '');
  const reachabilityUrl = url(NONSENSE_PATH);
  const first = await sendProbe(reachabilityUrl, {}, deps);
  const reachability = classifyReachability(first, reachabilityUrl);
  if (!isReachable(reachability))
    return report(input, null, [
      reachability,
      ...skipAll(
        ['signature-profile', 'clock-skew', 'authorization-header', 'encoded-slash', 'page-size', 'resources'],
        'not checked: the store did not answer as Magento (see reachability)',
      ),
    ]);
  const version = await fetchStoreVersion(input.baseUrl, input.scope, deps);
  const clock =
    first.dateHeader !== null && first.receivedAt !== null
      ? classifyClockSkew(estimateClockSkew(first.dateHeader, first.receivedAt))
      : classifyClockSkew(null);
  const header = classifyAuthorizationHeader(
    await sendProbe(
      url(PROTECTED_PATH),
      { authorization: buildVersionProbeHeader(Math.floor(deps.clock() / 1000)) },
      deps,
    ),
  );
  const slash = classifyEncodedSlash(await sendProbe(url(ENCODED_SLASH_PATH), {}, deps));
  const unsigned = [reachability, clock, header, slash];
  if (input.credentials === null)
    return report(input, version, [
      ...unsigned,
      ...skipAll(
        ['signature-profile', 'page-size', 'resources'],
        'not checked: no credentials given',
        CREDENTIALS_HINT,
      ),
    ]);
  return report(input, version, [
    ...unsigned,
    ...(await runSignedChecks(input, input.credentials, readHeaderArrival(header), deps)),
  ]);
}

async function runSignedChecks(
  input: DoctorInput,
  credentials: OAuthCredentials,
  headerArrives: boolean | null,
  deps: ProbeDeps,
): Promise<CheckResult[]> {
  const signature = await checkSignatureProfile(input, credentials, headerArrives, deps);
  const blocked =
    headerArrives === false
      ? 'not checked: signed calls arrive as a guest, the Authorization header is dropped (see authorization-header)'
      : signature.status === 'fail'
        ? 'not checked: signed calls fail (see signature-profile)'
        : null;
  if (blocked !== null) return [signature, ...skipAll(['page-size', 'resources'], blocked)];
  const profile: SignatureProfile = readDetectedProfile(signature) ?? 'latest';
  const send = createSignedProber(
    { baseUrl: input.baseUrl, scope: input.scope, credentials, profile, detectProfile: true },
    deps,
  );
  const pageSize = classifyPageSize(await send({ method: 'GET', path: PAGE_SIZE_PATH, query: buildPageSizeQuery() }));
  if (input.probes === null)
    return [
      signature,
      pageSize,
      skipCheck(
        'resources',
        'not checked: no --calls or --resources given',
        'Give the calls your integration makes (--calls calls.txt, one "METHOD /V1/path" a line) or the resources it needs (--resources Magento_Catalog::products,…).',
      ),
    ];
  const probed = [];
  for (const probe of input.probes) {
    probed.push({
      probe,
      reply:
        probe.request === null
          ? null
          : await send({
              method: 'GET',
              path: probe.request.path,
              query: probe.request.query,
              ...(probe.request.store ? { store: probe.request.store } : {}),
            }),
    });
  }
  return [signature, pageSize, classifyResources(probed)];
}

/** The same GET signed with each profile, the client's profile detection off. */
async function checkSignatureProfile(
  input: DoctorInput,
  credentials: OAuthCredentials,
  headerArrives: boolean | null,
  deps: ProbeDeps,
): Promise<CheckResult> {
  if (headerArrives === false) return classifySignatureProfile({ latest: NOT_SENT, laminas: NOT_SENT }, false);
  const replies: Record<SignatureProfile, StoreReply> = { latest: NOT_SENT, laminas: NOT_SENT };
  for (const profile of ['latest', 'laminas'] as const) {
    const send = createSignedProber(
      { baseUrl: input.baseUrl, scope: input.scope, credentials, profile, detectProfile: false },
      deps,
    );
    replies[profile] = await send({ method: 'GET', path: PROTECTED_PATH, query: PROFILE_PROBE_QUERY });
  }
  return classifySignatureProfile(replies, headerArrives);
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

function skipAll(names: CheckName[], finding: string, hint: string | null = null): CheckResult[] {
  return names.map((name) => skipCheck(name, finding, hint));
}

function report(input: DoctorInput, version: StoreVersion | null, results: CheckResult[]): DoctorReport {
  return { store: input.baseUrl, version, checks: sortResults(results) };
}
