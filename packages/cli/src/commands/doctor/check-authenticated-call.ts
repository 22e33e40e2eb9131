import { buildResult, type CheckResult } from './doctor-check';
import { SAAS_PROBE_PATH } from './check-saas-reachability';
import { describeReply, readRefusedResources, type StoreReply } from './store-reply';
import type { DoctorImsCredentials } from './ims-credentials';

/** The headers of a call with an IMS token (docs/magento-behaviour.md §11.3); `store` picks the store view. */
export function buildImsHeaders(
  credentials: Pick<DoctorImsCredentials, 'clientId' | 'orgId'>,
  accessToken: string,
  store?: string,
): Record<string, string> {
  return {
    authorization: `Bearer ${accessToken}`,
    'x-api-key': credentials.clientId,
    ...(credentials.orgId === null ? {} : { 'x-gw-ims-org-id': credentials.orgId }),
    ...(store === undefined ? {} : { store }),
  };
}

const TOKEN_REFUSED_HINT =
  "The tenant refused a token IMS had just issued: check that the credential is of this instance's IMS organization (its Developer Console project includes Adobe Commerce's API) and that its scopes include commerce.accs; x-api-key is the client id.";
const FORBIDDEN_HINT =
  'A 403 from the tenant: check --ims-org-id (sent as x-gw-ims-org-id: the organization of the credential and of the instance) and the permissions of the credential.';

/**
 * The authenticated call: `GET <tenant>/V1/store/storeConfigs` with the IMS token, `x-api-key` and
 * `x-gw-ims-org-id`. A 2xx, or the ACL's `The consumer isn't authorized to access %resources.` (Commerce
 * knew the caller; SaaS answers it with 403, docs/magento-behaviour.md §11.6) means the token is taken;
 * another 401 or 403 is Adobe's troubleshooting list (§11.4). Pure.
 */
export function classifyAuthenticatedCall(reply: StoreReply): CheckResult {
  const route = `GET ${SAAS_PROBE_PATH}`;
  const details = {
    route,
    status: reply.status,
    answer: describeReply(reply),
    code: reply.error?.code ?? null,
    latencyMs: reply.durationMs,
  };
  const latency = reply.durationMs === null ? '' : ` in ${reply.durationMs} ms`;
  if (reply.status !== null && reply.status >= 200 && reply.status < 300)
    return buildResult(
      'authenticated-call',
      'pass',
      `the tenant took the IMS token: ${route} answered ${describeReply(reply)}${latency}`,
      null,
      details,
    );
  const refused = readRefusedResources(reply, 'saas');
  if (refused !== null)
    return buildResult(
      'authenticated-call',
      'pass',
      `the tenant took the IMS token (${route} itself was refused by the ACL: ${reply.error?.message})`,
      null,
      details,
    );
  if (reply.status === 401)
    return buildResult(
      'authenticated-call',
      'fail',
      `the tenant refused the IMS token: ${describeReply(reply)} for ${route}`,
      TOKEN_REFUSED_HINT,
      details,
    );
  if (reply.status === 403)
    return buildResult(
      'authenticated-call',
      'fail',
      `the tenant refused the call: ${describeReply(reply)} for ${route}`,
      FORBIDDEN_HINT,
      details,
    );
  if (reply.status === null || reply.status === 429 || reply.status >= 500)
    return buildResult(
      'authenticated-call',
      'warn',
      `${route} with the IMS token failed: ${describeReply(reply)}`,
      'The answer says nothing about the token; retry later.',
      details,
    );
  return buildResult(
    'authenticated-call',
    'fail',
    `unexpected answer to ${route} with the IMS token: ${describeReply(reply)}`,
    `The route is in Adobe's SaaS REST schema: with a store view (--store), check its code; otherwise compare with the same call by hand.`,
    details,
  );
}
