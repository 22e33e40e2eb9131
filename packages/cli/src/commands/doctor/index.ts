import type { Command } from 'commander';
import { CliExit } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { hasFailure, type DoctorReport } from './doctor-check';
import { readCredentials, readProbes, readStoreScope, readTimeout, type DoctorFlags } from './doctor-options';
import { formatReport } from './format-report';
import { readImsCredentials } from './ims-credentials';
import { runDoctor } from './run-doctor';
import { runSaasDoctor } from './run-saas-doctor';
import { readSaasStore, refuseImsFlags, refuseOAuthFlags } from './saas-options';
import { readEditionFlag, readSaasTarget, type SaasTarget } from './saas-target';
import type { ProbeDeps } from './store-probe';

/** `magekit doctor <store-url>`: a connection report for a Magento store (exit 1 when a check fails). */
export function registerDoctorCommand(program: Command, io: CliIo): void {
  program
    .command('doctor <store-url>')
    .description(
      'Check a Magento store for an integration: its version (/magento_version), REST reachability, signature profile (Magento line), clock skew, Authorization header passthrough, %2F routing, maximum page size and, with --calls/--resources, the ACL. For Adobe Commerce as a Cloud Service (https://<region>.api.commerce.adobe.com/<tenant>/, or --edition saas) the checks that apply there: the gateway, an IMS token and calls made with it. Exit 1 when a check fails.',
    )
    .option(
      '--store <code>',
      'store code for REST calls (rest/<code>/V1/…; SaaS: the Store header); default rest/V1/… (the default store)',
    )
    .option('--index-php', 'the store has no URL rewrites: <base>index.php/rest/…')
    .option('--consumer-key <key>', 'consumer key (env MAGEKIT_CONSUMER_KEY)')
    .option('--consumer-secret <secret>', 'consumer secret (env MAGEKIT_CONSUMER_SECRET)')
    .option('--token <token>', 'access token (env MAGEKIT_TOKEN)')
    .option('--token-secret <secret>', 'access token secret (env MAGEKIT_TOKEN_SECRET)')
    .option(
      '--edition <edition>',
      'paas or saas (Adobe Commerce as a Cloud Service); default: told from the URL (saas on <region>.api.commerce.adobe.com)',
    )
    .option('--ims-client-id <id>', 'SaaS: the client id of an OAuth Server-to-Server credential')
    .option(
      '--ims-client-secret-file <file>',
      'SaaS: read the client secret from this file (one trailing newline is dropped)',
    )
    .option(
      '--ims-client-secret-stdin',
      'SaaS: read the client secret from stdin (default: env MAGEKIT_IMS_CLIENT_SECRET)',
    )
    .option('--ims-org-id <org>', 'SaaS: the IMS organization id (…@AdobeOrg), sent as x-gw-ims-org-id')
    .option(
      '--ims-token-url <url>',
      'SaaS: the IMS token endpoint or an origin (a sandbox: its URL); default Adobe IMS',
    )
    .option(
      '--ims-scopes <scopes>',
      "SaaS: scopes to request, separated by commas; default Adobe's list with commerce.accs",
    )
    .option(
      '--calls <file>',
      'calls the integration makes, one "METHOD /V1/path" a line: GETs are tried, others only listed with the resources they need',
    )
    .option('--resources <ids>', 'comma-separated ACL resource ids to try (one GET route each)')
    .option('--timeout <ms>', 'per-request timeout', '15000')
    .option(
      '--json',
      'print {store, version:{magento,sandboxProfile,url}, checks:[{name,status,finding,hint,details}]}; SaaS adds edition:"saas" and saas:{tenantId,region,environment,restBaseUrl,recognisedFrom}',
    )
    .action(async (storeUrl: string, flags: DoctorFlags) => {
      const deps = (timeoutMs: number): ProbeDeps => ({
        fetch: (url, init) => fetch(url, init),
        clock: () => Date.now(),
        timeoutMs,
      });
      const saas = readSaasTarget(storeUrl, readEditionFlag(flags.edition));
      let report: DoctorReport;
      if (saas !== null) {
        report = await runSaasCommand(storeUrl, saas, flags, io, deps);
      } else {
        const scope = readStoreScope(storeUrl, flags);
        refuseImsFlags(flags, storeUrl);
        const credentials = readCredentials(flags, io.env);
        const probes = readProbes(flags);
        const timeoutMs = readTimeout(flags.timeout);
        report = await runDoctor({ baseUrl: storeUrl, scope, credentials, probes }, deps(timeoutMs));
      }
      io.writeOut(flags.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
      if (hasFailure(report)) throw new CliExit(1);
    });
}

/** The SaaS tenant's checks: its flags read and checked first (bad input exits 2 before anything is sent). */
async function runSaasCommand(
  storeUrl: string,
  target: SaasTarget,
  flags: DoctorFlags,
  io: CliIo,
  deps: (timeoutMs: number) => ProbeDeps,
): Promise<DoctorReport> {
  const store = readSaasStore(flags);
  refuseOAuthFlags(flags);
  const timeoutMs = readTimeout(flags.timeout);
  const probes = readProbes(flags);
  const credentials = await readImsCredentials(flags, io);
  return runSaasDoctor({ storeUrl, target, store, credentials, probes }, deps(timeoutMs));
}
