import { CHECK_NAMES, type CheckStatus, type DoctorReport } from './doctor-check';
import { describeSaasTarget } from './saas-target';
import { describeStoreVersion } from './store-version';

const LABELS: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };

/**
 * The readable report: the edition of a SaaS tenant, the store's version when it was reached, one row
 * per check (status, name, finding), the hint indented below (a repeated hint once), a summary line. Pure.
 */
export function formatReport(report: DoctorReport): string {
  const width = Math.max(...CHECK_NAMES.map((name) => name.length));
  const lines = [`magekit doctor ${report.store}`];
  if (report.saas !== undefined) lines.push(`edition: ${describeSaasTarget(report.saas)}`);
  if (report.version !== null)
    lines.push(`version: ${describeStoreVersion(report.version, report.edition === 'saas')}`);
  lines.push('');
  let lastHint: string | null = null;
  for (const check of report.checks) {
    lines.push(`${LABELS[check.status].padEnd(5)} ${check.name.padEnd(width)}  ${check.finding}`);
    if (check.hint) lines.push(`${' '.repeat(width + 8)}hint: ${check.hint === lastHint ? '(as above)' : check.hint}`);
    lastHint = check.hint;
  }
  const count = (status: CheckStatus) => report.checks.filter((check) => check.status === status).length;
  lines.push(
    '',
    `${count('pass')} passed, ${count('warn')} warnings, ${count('fail')} failed, ${count('skipped')} skipped`,
  );
  return lines.join('\n') + '\n';
}
