import type { Command } from 'commander';
import { CliExit } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { hasFailure } from './doctor-check';
import { readCredentials, readProbes, readStoreScope, readTimeout, type DoctorFlags } from './doctor-options';
import { formatReport } from './format-report';
import { runDoctor } from './run-doctor';

/** `magekit doctor <store-url>`: a connection report for a Magento store (exit 1 when a check fails). */
export function registerDoctorCommand(program: Command, io: CliIo): void {
  program
    .command('doctor <store-url>')
    .description(
      'Check a Magento store for an integration: its version (/magento_version), REST reachability, signature profile (Magento line), clock skew, Authorization header passthrough, %2F routing, maximum page size and, with --calls/--resources, the ACL. Exit 1 when a check fails.',
    )
    .option('--store <code>', 'store code for REST calls (rest/<code>/V1/…); default rest/V1/… (the default store)')
    .option('--index-php', 'the store has no URL rewrites: <base>index.php/rest/…')
    .option('--consumer-key <key>', 'consumer key (env MAGEKIT_CONSUMER_KEY)')
    .option('--consumer-secret <secret>', 'consumer secret (env MAGEKIT_CONSUMER_SECRET)')
    .option('--token <token>', 'access token (env MAGEKIT_TOKEN)')
    .option('--token-secret <secret>', 'access token secret (env MAGEKIT_TOKEN_SECRET)')
    .option(
      '--calls <file>',
      'calls the integration makes, one "METHOD /V1/path" a line: GETs are tried, others only listed with the resources they need',
    )
    .option('--resources <ids>', 'comma-separated ACL resource ids to try (one GET route each)')
    .option('--timeout <ms>', 'per-request timeout', '15000')
    .option(
      '--json',
      'print {store, version:{magento,sandboxProfile,url}, checks:[{name,status,finding,hint,details}]}',
    )
    .action(async (storeUrl: string, flags: DoctorFlags) => {
      const scope = readStoreScope(storeUrl, flags);
      const credentials = readCredentials(flags, io.env);
      const probes = readProbes(flags);
      const timeoutMs = readTimeout(flags.timeout);
      const report = await runDoctor(
        { baseUrl: storeUrl, scope, credentials, probes },
        { fetch: (url, init) => fetch(url, init), clock: () => Date.now(), timeoutMs },
      );
      io.writeOut(flags.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
      if (hasFailure(report)) throw new CliExit(1);
    });
}
