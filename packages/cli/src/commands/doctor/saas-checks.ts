import { findSaasMissingRoute } from '@magekit/client';
import { buildResult, type CheckName, type CheckResult } from './doctor-check';
import type { ResourceProbe } from './plan-resource-probes';

/**
 * Which checks of Magento's own web API do not apply to Adobe Commerce as a Cloud Service, and why
 * (docs/magento-behaviour.md §11.1, §11.3). The others run there too, some with an IMS token.
 */
export const SAAS_NOT_APPLICABLE: Readonly<Partial<Record<CheckName, string>>> = {
  'signature-profile':
    'not applicable: Adobe Commerce as a Cloud Service has no OAuth 1.0a integrations, so no signature to verify (IMS bearer tokens instead, see ims-token)',
  'authorization-header':
    "not applicable: Adobe runs the tenant's web servers, and its API gateway reads the Authorization header itself (see authenticated-call)",
};

/** The checks that do not apply to SaaS, each `skipped` with its reason and `details.applicable: false`. Pure. */
export function skipNotApplicable(): CheckResult[] {
  return Object.entries(SAAS_NOT_APPLICABLE).map(([name, finding]) =>
    buildResult(name as CheckName, 'skipped', finding as string, null, { applicable: false }),
  );
}

/**
 * The resources check's probes for a SaaS tenant: a GET on a route family SaaS does not have (token
 * services, 2FA, guest, `me`/`mine`, §11.1) is not sent but listed with the reason. Pure.
 */
export function planSaasProbes(probes: readonly ResourceProbe[]): ResourceProbe[] {
  return probes.map((probe) => {
    const missing = probe.request === null ? null : findSaasMissingRoute(probe.request.path);
    if (missing === null) return probe;
    return {
      ...probe,
      request: null,
      reason: `not checked: Adobe Commerce as a Cloud Service has no such route: ${missing}`,
    };
  });
}
