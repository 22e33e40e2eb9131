import type { VendorAccountSummary } from '@magekit/nest';

/** `2025-01-01 12:00:00Z`, or `-`. */
export function formatTime(date: Date | null): string {
  return date === null ? '-' : `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** The `magekit accounts list` table: one account a line, columns padded to the widest cell. */
export function formatAccountsTable(accounts: readonly VendorAccountSummary[]): string {
  if (accounts.length === 0)
    return 'No vendor accounts yet (`magekit accounts create --email <e-mail> --name <name>`).\n';
  const rows = [
    ['E-MAIL', 'NAME', 'CREATED', 'DISABLED', 'STORES', 'LOCKED OUT'],
    ...accounts.map((account) => [
      account.email,
      account.name,
      formatTime(account.createdAt),
      account.disabledAt === null ? 'no' : `since ${formatTime(account.disabledAt)}`,
      String(account.linkedStores),
      account.lockedOut ? `until ${formatTime(account.lockedUntil)}` : 'no',
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return (
    rows
      .map((row) =>
        row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  '),
      )
      .join('\n') + '\n'
  );
}
