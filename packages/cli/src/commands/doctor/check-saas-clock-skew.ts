import { SKEW_WARN_SECONDS } from './check-clock-skew';
import { buildResult, skipCheck, type CheckResult } from './doctor-check';

/**
 * Clock skew against a SaaS tenant = its clock − this machine's, from the `Date` header of its answer
 * (one-second resolution). Nothing is signed with a timestamp there, and IMS's `expires_in` is a
 * lifetime, not a time (docs/magento-behaviour.md §11.2), so skew never breaks a call: beyond 60 s
 * it is a warning about times compared across the two machines. Pure.
 *
 * @param skewMs from `estimateClockSkew`, or null when the answer had no usable `Date` header.
 * @param source which answer it was read from, for the finding.
 */
export function classifySaasClockSkew(skewMs: number | null, source: string): CheckResult {
  if (skewMs === null)
    return skipCheck(
      'clock-skew',
      `not checked: the ${source} had no Date header`,
      'Compare the clocks by hand (date -u here, the Date header of any answer of the tenant).',
    );
  const seconds = Math.round(skewMs / 1000);
  const abs = Math.abs(seconds);
  const details = { skewSeconds: seconds, warnAboveSeconds: SKEW_WARN_SECONDS, source };
  if (abs <= SKEW_WARN_SECONDS)
    return buildResult(
      'clock-skew',
      'pass',
      `the tenant's clock agrees with this machine's (${abs <= 1 ? 'within 1 s' : `${seconds > 0 ? '+' : ''}${seconds} s`} by the Date header of the ${source})`,
      null,
      details,
    );
  return buildResult(
    'clock-skew',
    'warn',
    `the tenant's clock is ${abs} s ${seconds > 0 ? 'ahead of' : 'behind'} this machine's (by the Date header of the ${source}): calls still work (no signed timestamps; IMS tokens carry a lifetime), but times compared across the two are off by as much`,
    'Synchronise this machine\'s clock (NTP, e.g. chrony or systemd-timesyncd): incremental reads such as searchCriteria on updated_at from a local "last run" time miss or repeat changes by the skew.',
    details,
  );
}
