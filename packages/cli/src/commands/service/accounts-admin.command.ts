import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { formatAccountsTable, formatTime } from './accounts-table';
import { withServiceDatabase } from './service-database';
import { withServiceFlags, type ServiceFlags } from './service-flags';

interface JsonFlags extends ServiceFlags {
  json?: boolean;
}

interface ListFlags extends JsonFlags {
  maxFailures?: string;
}

interface ResetFlags extends JsonFlags {
  passwordStdin?: boolean;
}

interface UnlockFlags extends JsonFlags {
  ip?: string;
}

/** `magekit accounts list|disable|enable|reset-password|unlock`: what an operator does for a merchant who cannot (or must not) sign in. */
export function registerAccountAdminCommands(accounts: Command, io: CliIo): void {
  registerList(accounts, io);
  registerDisabled(accounts, io, 'disable', true);
  registerDisabled(accounts, io, 'enable', false);
  registerResetPassword(accounts, io);
  registerUnlock(accounts, io);
}

function registerList(accounts: Command, io: CliIo): void {
  withServiceFlags(
    accounts
      .command('list')
      .description(
        'List the vendor accounts: e-mail, name, created, disabled, linked stores, and whether the e-mail is locked out by failed sign-ins now.',
      )
      .option(
        '--max-failures <n>',
        "the service's signIn.maxFailures: failures of one e-mail that lock it (default: the service's default, 6)",
      )
      .option('--json', 'print [{id, email, name, createdAt, disabledAt, linkedStores, lockedOut, lockedUntil}]'),
  ).action(async (flags: ListFlags) => {
    const maxFailures = flags.maxFailures === undefined ? undefined : Number(flags.maxFailures);
    if (maxFailures !== undefined && (!Number.isInteger(maxFailures) || maxFailures < 1))
      throw new CliError(
        `--max-failures must be a positive integer (got ${JSON.stringify(flags.maxFailures)}).`,
        'INVALID_INPUT',
      );
    const list = await withServiceDatabase(io, flags, (dataSource, nest) => {
      const lockout = nest.DEFAULT_SIGN_IN_LOCKOUT;
      return nest.listVendorAccounts(dataSource, {
        lockout: { ...lockout, maxFailures: maxFailures ?? lockout.maxFailures },
      });
    });
    io.writeOut(flags.json ? `${JSON.stringify(list, null, 2)}\n` : formatAccountsTable(list));
  });
}

function registerDisabled(accounts: Command, io: CliIo, verb: 'disable' | 'enable', disabled: boolean): void {
  withServiceFlags(
    accounts
      .command(`${verb} <email>`)
      .description(
        disabled
          ? 'Disable a vendor account: it can no longer sign in on the identity link (the page shows the same error as a wrong password). Its linked stores stay linked.'
          : 'Enable a disabled vendor account again.',
      )
      .option('--json', 'print the account as `accounts list --json` does'),
  ).action(async (email: string, flags: JsonFlags) => {
    const account = await withServiceDatabase(io, flags, (dataSource, nest) =>
      nest.setVendorAccountDisabled(dataSource, email, disabled),
    );
    if (account === null) throw unknownAccount(email);
    if (flags.json) return void io.writeOut(`${JSON.stringify(account, null, 2)}\n`);
    io.writeOut(
      disabled
        ? `Vendor account ${account.email} is disabled (since ${formatTime(account.disabledAt)}): it can no longer sign in.\n`
        : `Vendor account ${account.email} is enabled: it can sign in again.\n`,
    );
  });
}

function registerResetPassword(accounts: Command, io: CliIo): void {
  withServiceFlags(
    accounts
      .command('reset-password <email>')
      .description(
        "Give a vendor account a new password (generated and printed once, or read from stdin with --password-stdin) and clear its e-mail's sign-in lockout.",
      )
      .option(
        '--password-stdin',
        'read the new password from stdin (at least 10 characters; one trailing newline is dropped) instead of generating one',
      )
      .option('--json', 'print {id, email, name, password?}'),
  ).action(async (email: string, flags: ResetFlags) => {
    const given = flags.passwordStdin ? (await io.readStdin()).replace(/\r?\n$/, '') : undefined;
    if (given === '')
      throw new CliError('--password-stdin: stdin is empty.', 'EMPTY_INPUT', {
        hint: 'Pipe the new password in, e.g. `printf %s "$PASSWORD" | magekit accounts reset-password <email> --password-stdin`.',
      });
    const password = given ?? randomBytes(15).toString('base64url');
    const account = await withServiceDatabase(io, flags, (dataSource, nest) =>
      nest.resetVendorPassword(dataSource, email, password),
    );
    if (account === null) throw unknownAccount(email);
    const shown = given === undefined ? { password } : {};
    if (flags.json) return void io.writeOut(`${JSON.stringify({ ...account, ...shown }, null, 2)}\n`);
    io.writeOut(
      `Password of vendor account ${account.email} replaced; its sign-in lockout is cleared.${given === undefined ? `\nNew password, shown only now: ${password}` : ''}\n`,
    );
  });
}

function registerUnlock(accounts: Command, io: CliIo): void {
  withServiceFlags(
    accounts
      .command('unlock [email]')
      .description(
        "Clear the failed sign-in counter of an e-mail (a vendor account's) and/or, with --ip, of a client address.",
      )
      .option('--ip <address>', 'also clear the counter of this client address (IPv4 also clears its ::ffff: form)')
      .option('--json', 'print {cleared}'),
  ).action(async (email: string | undefined, flags: UnlockFlags) => {
    if (email === undefined && flags.ip === undefined)
      throw new CliError('Give the e-mail of a vendor account, --ip <address>, or both.', 'MISSING_OPTION');
    const cleared = await withServiceDatabase(io, flags, async (dataSource, nest) => {
      if (
        email !== undefined &&
        !(await dataSource.getRepository(nest.VendorAccountEntity).existsBy({ email: email.trim().toLowerCase() }))
      )
        throw unknownAccount(email);
      return nest.unlockSignIn(dataSource, { email, ip: flags.ip });
    });
    if (flags.json) return void io.writeOut(`${JSON.stringify({ cleared }, null, 2)}\n`);
    const what = [
      email === undefined ? '' : `e-mail ${email.trim().toLowerCase()}`,
      flags.ip === undefined ? '' : `address ${flags.ip}`,
    ]
      .filter((part) => part !== '')
      .join(' and ');
    io.writeOut(`Cleared ${cleared} sign-in failure counter${cleared === 1 ? '' : 's'} (${what}).\n`);
  });
}

function unknownAccount(email: string): CliError {
  return new CliError(
    `No vendor account has the e-mail ${JSON.stringify(email.trim().toLowerCase())}.`,
    'INVALID_INPUT',
    { hint: '`magekit accounts list` shows the vendor accounts.' },
  );
}
