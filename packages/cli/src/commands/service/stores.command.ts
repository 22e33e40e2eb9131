import type { Command } from 'commander';
import type { SaasStoreRegistered } from '@magekit/nest';
import { CliExit } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import type { ClientSecretFlags } from './ims-client-secret';
import { withServiceDatabase } from './service-database';
import { withServiceFlags, type ServiceFlags } from './service-flags';

interface AddSaasFlags extends ServiceFlags, ClientSecretFlags {
  url: string;
  clientId: string;
  orgId: string;
  scopes?: string;
  imsTokenUrl?: string;
  tenant?: string;
  json?: boolean;
}

/** `magekit stores add-saas`: an Adobe Commerce as a Cloud Service store, registered with its IMS credential. */
export function registerStoreCommands(program: Command, io: CliIo): void {
  const stores = program.command('stores').description('Stores of the integration service');
  withServiceFlags(
    stores
      .command('add-saas')
      .description(
        "Register an Adobe Commerce as a Cloud Service store with its IMS credential (an OAuth Server-to-Server credential of Adobe Developer Console) and probe it, with the service's rules (store-URL guard, encryption), as POST /api/stores/saas does: no activation handshake. The same URL again replaces its credential. Exits 1 unless the probe worked (the store is recorded either way).",
      )
      .requiredOption('--url <url>', "the tenant's REST URL, https://<region>.api.commerce.adobe.com/<tenant id>/")
      .requiredOption('--client-id <id>', "the credential's Client ID")
      .requiredOption('--org-id <id>', 'the IMS organization id, e.g. 0123456789ABCDEF01234567@AdobeOrg')
      .option('--client-secret-file <file>', 'read the client secret from this file (one trailing newline is dropped)')
      .option('--client-secret-stdin', 'read the client secret from stdin (default: MAGEKIT_IMS_CLIENT_SECRET)')
      .option(
        '--scopes <scopes>',
        "scopes to ask for, separated by commas or spaces (default Adobe's list for Commerce)",
      )
      .option('--ims-token-url <url>', "the IMS token endpoint (default the service's IMS_TOKEN_URL, else Adobe's)")
      .option('--tenant <tenant>', "the service tenant the store belongs to (default the service's TENANT)")
      .option('--json', 'print {created, outcome, store}'),
  ).action(async (flags: AddSaasFlags) => {
    const { readClientSecret } = await import('./ims-client-secret.js');
    const clientSecret = await readClientSecret(io, flags);
    const { readServiceKeys, readServiceModuleOptions } = await import('./service-settings.js');
    const options = readServiceModuleOptions(io.env, flags, readServiceKeys(io.env, flags));
    const input = {
      url: flags.url,
      clientId: flags.clientId,
      clientSecret,
      orgId: flags.orgId,
      ...(flags.scopes === undefined ? {} : { scopes: flags.scopes }),
      ...(flags.imsTokenUrl === undefined ? {} : { tokenUrl: flags.imsTokenUrl }),
      ...(flags.tenant === undefined ? {} : { tenant: flags.tenant }),
    };
    const result = await withServiceDatabase(io, flags, (dataSource, nest) =>
      nest.registerSaasStore(dataSource, options, input),
    );
    io.writeOut(flags.json ? `${JSON.stringify(result, null, 2)}\n` : describeRegistration(result));
    if (result.outcome !== 'ok') throw new CliExit(1);
  });
}

/** The registration in words: what was stored, and what the first probe found. */
export function describeRegistration({ created, outcome, store }: SaasStoreRegistered): string {
  const head = `${created ? 'Registered' : 'Replaced the credential of'} SaaS store ${store.storeBaseUrl} (id ${store.id})`;
  const who = `  IMS client ${store.ims?.clientId ?? '?'}, organization ${store.ims?.orgId ?? '?'}, tenant ${store.tenant}\n`;
  if (outcome === 'ok') {
    const views = store.facts?.storeViews.length ?? 0;
    return `${head}: active, an IMS token was issued and the store answered (${views} store view${views === 1 ? '' : 's'}).\n${who}`;
  }
  const hint = store.statusHint ? `hint: ${store.statusHint}\n` : '';
  const problem = `${store.statusReason ?? 'unknown'} [${store.statusCode ?? '?'}]`;
  return outcome === 'rejected'
    ? `${head}: failed: ${problem}\n${who}${hint}`
    : `${head}: ${store.status}; the probe found no verdict: ${problem}. The service probes it again (its sweeper, every 30 s by default, waits 5 min after a failed probe).\n${who}${hint}`;
}
