import type { Command } from 'commander';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { withServiceDatabase } from './service-database';
import { withServiceFlags, type ServiceFlags } from './service-flags';

interface CreateFlags extends ServiceFlags {
  name: string;
  json?: boolean;
}

/** `magekit tokens create|revoke`: admin API tokens of the integration service (stored as SHA-256 only). */
export function registerTokenCommands(program: Command, io: CliIo): void {
  const tokens = program.command('tokens').description('API tokens of the integration service (dashboard and /api)');
  withServiceFlags(
    tokens
      .command('create')
      .description('Create an API token; it is printed once (only its hash is stored).')
      .requiredOption('--name <name>', 'what the token is for (1-100 characters)')
      .option('--json', 'print {id, name, token}'),
  ).action(async (flags: CreateFlags) => {
    const created = await withServiceDatabase(io, flags, (dataSource, nest) =>
      nest.createApiToken(dataSource, flags.name),
    );
    if (flags.json) io.writeOut(`${JSON.stringify(created, null, 2)}\n`);
    else
      io.writeOut(`API token "${created.name}" created (id ${created.id}). It is shown only now:\n${created.token}\n`);
  });
  withServiceFlags(
    tokens.command('revoke <id-or-name>').description('Revoke the live API tokens with that id or name.'),
  ).action(async (idOrName: string, flags: ServiceFlags) => {
    // Loaded here, not when the program starts: it brings in @magekit/service's settings and ioredis.
    const { openRevocationNotice } = await import('./token-revocation-notice.js');
    const notice = openRevocationNotice(io.env, flags);
    try {
      const revoked = await withServiceDatabase(io, flags, (dataSource, nest) =>
        nest.revokeApiToken(dataSource, idOrName, notice ? { invalidation: notice.invalidation } : {}),
      );
      if (revoked === 0)
        throw new CliError(`No live API token has the id or name ${JSON.stringify(idOrName)}.`, 'INVALID_INPUT');
      io.writeOut(`Revoked ${revoked} API token${revoked === 1 ? '' : 's'}.\n`);
      const failure = notice?.failure() ?? null;
      if (!notice)
        io.writeOut(
          'Running services refuse it once their token cache entry expires (5 s by default); with REDIS_URL set as for the service they are told at once.\n',
        );
      else if (failure)
        io.writeErr(
          `warning: could not tell the running services over Redis (${failure}); they refuse it once their token cache entry expires (5 s by default).\n`,
        );
      else io.writeOut('Running services were told over Redis.\n');
    } finally {
      await notice?.close();
    }
  });
}
