import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { CliIo } from '../../cli-io';
import { registerAccountAdminCommands } from './accounts-admin.command';
import { withServiceDatabase } from './service-database';
import { withServiceFlags, type ServiceFlags } from './service-flags';

interface CreateFlags extends ServiceFlags {
  email: string;
  name: string;
  password?: string;
  json?: boolean;
}

/** `magekit accounts create|list|disable|enable|reset-password|unlock`: vendor accounts merchants sign in with on the identity link. */
export function registerAccountCommands(program: Command, io: CliIo): void {
  const accounts = program
    .command('accounts')
    .description('Vendor accounts of the integration service (identity-link sign-in)');
  withServiceFlags(
    accounts
      .command('create')
      .description(
        'Create a vendor account; without --password one is generated and printed once (stored as scrypt hash).',
      )
      .requiredOption('--email <e-mail>', 'sign-in e-mail address')
      .requiredOption('--name <name>', 'account name shown to merchants')
      .option('--password <password>', 'at least 10 characters (default: generated; env MAGEKIT_ACCOUNT_PASSWORD)')
      .option('--json', 'print {id, email, name, password?}'),
  ).action(async (flags: CreateFlags) => {
    const given = flags.password ?? io.env['MAGEKIT_ACCOUNT_PASSWORD'];
    const password = given ?? randomBytes(15).toString('base64url');
    const account = await withServiceDatabase(io, flags, (dataSource, nest) =>
      nest.createVendorAccount(dataSource, { email: flags.email, name: flags.name, password }),
    );
    const shown = given === undefined ? { password } : {};
    if (flags.json) io.writeOut(`${JSON.stringify({ ...account, ...shown }, null, 2)}\n`);
    else
      io.writeOut(
        `Vendor account ${account.email} ("${account.name}") created (id ${account.id}).${given === undefined ? `\nGenerated password, shown only now: ${password}` : ''}\n`,
      );
  });
  registerAccountAdminCommands(accounts, io);
}
