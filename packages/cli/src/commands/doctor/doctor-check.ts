import type { SaasTarget } from './saas-target';
import type { StoreVersion } from './store-version';

/** How a check came out. `skipped`: it could not run (no credentials, an earlier failure, not implemented). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/**
 * The checks of `magekit doctor`, in report order. `ims-token` and `authenticated-call` are Adobe
 * Commerce as a Cloud Service's (docs/magento-behaviour.md §11.2, §11.3); the others are Magento's own
 * web API's, some of which also run on SaaS.
 */
export const CHECK_NAMES = [
  'reachability',
  'ims-token',
  'authenticated-call',
  'signature-profile',
  'clock-skew',
  'authorization-header',
  'encoded-slash',
  'page-size',
  'resources',
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];

/** One line of the report: a status, a one-line finding, a hint when not `pass`, and facts for `--json`. */
export interface CheckResult {
  name: CheckName;
  status: CheckStatus;
  finding: string;
  hint: string | null;
  details: Record<string, unknown>;
}

/** What `magekit doctor --json` prints. */
export interface DoctorReport {
  store: string;
  /** Present only for Adobe Commerce as a Cloud Service (a report without it is of Magento's own web API). */
  edition?: 'saas';
  /** Where the SaaS tenant answers and how it was recognised (with `edition`). */
  saas?: SaasTarget;
  /** The store's release as far as it tells (`/magento_version`, a sandbox's profile); null when it was not reached. */
  version: StoreVersion | null;
  checks: CheckResult[];
}

/** Builds a result; `hint` is kept only for statuses other than `pass`. */
export function buildResult(
  name: CheckName,
  status: CheckStatus,
  finding: string,
  hint: string | null = null,
  details: Record<string, unknown> = {},
): CheckResult {
  return { name, status, finding, hint: status === 'pass' ? null : hint, details };
}

/** A check that did not run, and why. */
export function skipCheck(name: CheckName, finding: string, hint: string | null = null): CheckResult {
  return buildResult(name, 'skipped', finding, hint);
}

/** Puts results in report order. */
export function sortResults(results: readonly CheckResult[]): CheckResult[] {
  return [...results].sort((a, b) => CHECK_NAMES.indexOf(a.name) - CHECK_NAMES.indexOf(b.name));
}

/** True when at least one check failed (exit code 1). */
export function hasFailure(report: DoctorReport): boolean {
  return report.checks.some((check) => check.status === 'fail');
}
