import { buildResult, skipCheck, type CheckResult } from './doctor-check';

/** Beyond this (seconds) the clocks are reported as drifting. */
export const SKEW_WARN_SECONDS = 60;
/** Magento refuses an `oauth_timestamp` more than this ahead of its clock (`Nonce/Generator::TIME_DEVIATION`, docs/magento-behaviour.md §1.5). */
export const TIMESTAMP_LIMIT_SECONDS = 600;

const NTP_HINT =
  'Synchronise the clocks (NTP, e.g. chrony or systemd-timesyncd) on the store and on every machine that signs calls.';

/**
 * Clock skew = store clock − local clock, from the store's `Date` header (one-second resolution).
 * Magento rejects only timestamps more than 600 s in its future, with "An error occurred
 * validating the nonce" — there is no lower bound (docs/magento-behaviour.md §1.5) — so a store more than 600 s
 * behind fails, one ahead only drifts. Pure.
 *
 * @param skewMs from `estimateClockSkew`, or null when the answer had no usable `Date` header (it has
 *   one-second resolution, so an estimate within 1 s is noise).
 */
export function classifyClockSkew(skewMs: number | null): CheckResult {
  if (skewMs === null)
    return skipCheck(
      'clock-skew',
      "not checked: the store's answer had no Date header",
      'A proxy removed the Date header; compare the clocks by hand (date -u on both machines).',
    );
  const seconds = Math.round(skewMs / 1000);
  const abs = Math.abs(seconds);
  const details = {
    skewSeconds: seconds,
    warnAboveSeconds: SKEW_WARN_SECONDS,
    timestampLimitSeconds: TIMESTAMP_LIMIT_SECONDS,
  };
  if (abs <= SKEW_WARN_SECONDS)
    return buildResult(
      'clock-skew',
      'pass',
      `the store's clock agrees with this machine's (${abs <= 1 ? 'within 1 s' : `${seconds > 0 ? '+' : ''}${seconds} s`} by its Date header)`,
      null,
      details,
    );
  const direction = seconds > 0 ? 'ahead of' : 'behind';
  if (seconds < -TIMESTAMP_LIMIT_SECONDS) {
    return buildResult(
      'clock-skew',
      'fail',
      `the store's clock is ${abs} s behind this machine's: Magento refuses oauth_timestamp more than ${TIMESTAMP_LIMIT_SECONDS} s in its future ("An error occurred validating the nonce")`,
      `${NTP_HINT} @magekit/client re-signs once with the store's clock from the Date header; other clients fail every signed call.`,
      details,
    );
  }
  if (seconds > TIMESTAMP_LIMIT_SECONDS) {
    return buildResult(
      'clock-skew',
      'warn',
      `the store's clock is ${abs} s ahead of this machine's: signed calls still pass (Magento has no lower bound on oauth_timestamp), but token expiry times are off by as much`,
      NTP_HINT,
      details,
    );
  }
  return buildResult(
    'clock-skew',
    'warn',
    `the store's clock is ${abs} s ${direction} this machine's (more than ${SKEW_WARN_SECONDS} s)`,
    `${NTP_HINT} At more than ${TIMESTAMP_LIMIT_SECONDS} s behind, Magento refuses every signed call.`,
    details,
  );
}
