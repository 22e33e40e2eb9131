import type { Command } from 'commander';
import { CliError, CliExit } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { callSandboxAdmin } from './sandbox-admin-api';
import {
  describeHandshakeTimeout,
  formatHandshakeFailure,
  readCallbackRefusal,
  waitForActiveIntegration,
  type HandshakeResult,
} from './sandbox-handshake';
import { readIntegerOption, readResourcesOption } from './sandbox-options';

interface IntegrationFlags {
  url: string;
  adminToken?: string;
  json?: boolean;
  timeout: string;
}

interface CreateFlags extends IntegrationFlags {
  name: string;
  email?: string;
  resources?: string;
  endpoint?: string;
  identity?: string;
}

interface CreatedIntegration {
  id: number;
  consumer_key: string;
  activation: 'handshake' | 'direct';
}

type Activation =
  | {
      mode: 'direct';
      integration_id: number;
      consumer_key: string;
      consumer_secret: string;
      access_token: string;
      access_token_secret: string;
    }
  | HandshakeResult;

function adminToken(flags: IntegrationFlags, io: CliIo): string {
  return flags.adminToken ?? io.env['SANDBOX_ADMIN_TOKEN'] ?? 'sandbox-admin-token';
}

/** What `create` and `activate` print: the credentials Magento's admin shows, or the handshake's next step. */
function describeActivation(activation: Activation): Record<string, unknown> {
  if (activation.mode === 'direct') {
    return {
      integrationId: activation.integration_id,
      consumerKey: activation.consumer_key,
      consumerSecret: activation.consumer_secret,
      accessToken: activation.access_token,
      accessTokenSecret: activation.access_token_secret,
    };
  }
  return {
    integrationId: activation.integration_id,
    consumerKey: activation.oauth_consumer_key,
    endpointStatus: activation.endpoint_status,
    identityLinkUrl: activation.popup_url,
  };
}

function print(io: CliIo, value: Record<string, unknown>, json: boolean | undefined): void {
  if (json) io.writeOut(JSON.stringify(value, null, 2) + '\n');
  else
    io.writeOut(
      Object.entries(value)
        .map(([k, v]) => `${k.padEnd(18)} ${String(v)}`)
        .join('\n') + '\n',
    );
}

function readTimeout(flags: IntegrationFlags): number {
  return readIntegerOption(flags.timeout, '--timeout', 1, 3600);
}

/**
 * After the callback POST of a handshake: exit 1 when the Callback URL answered non-2xx (printing
 * its error code, message and hint), or when the integration is not Active within the timeout.
 */
async function checkHandshake(
  io: CliIo,
  flags: IntegrationFlags,
  seconds: number,
  activation: Activation,
): Promise<void> {
  if (activation.mode !== 'handshake') return;
  const refusal = readCallbackRefusal(activation.endpoint_status, activation.endpoint_body);
  if (refusal) {
    io.writeErr(formatHandshakeFailure(refusal));
    throw new CliExit(1);
  }
  if (
    !(await waitForActiveIntegration(flags.url, adminToken(flags, io), activation.integration_id, {
      timeoutMs: seconds * 1000,
    }))
  ) {
    io.writeErr(formatHandshakeFailure(describeHandshakeTimeout(activation.integration_id, seconds)));
    throw new CliExit(1);
  }
}

/** `magekit sandbox integration create|activate|reauthorize`. */
export function registerSandboxIntegrationCommands(sandbox: Command, io: CliIo): void {
  const integration = sandbox
    .command('integration')
    .description('Integrations of a running sandbox store (its admin API)');
  const common = (command: Command) =>
    command
      .requiredOption('--url <url>', 'sandbox base URL, e.g. http://127.0.0.1:3001')
      .option('--admin-token <token>', 'admin API token (default SANDBOX_ADMIN_TOKEN or sandbox-admin-token)')
      .option('--json', 'print JSON')
      .option(
        '--timeout <seconds>',
        'handshake: how long to wait for the integration to become Active (the app finished the token exchange); exit 1 after it',
        '30',
      );

  common(integration.command('create'))
    .description(
      'Create an integration and activate it. Without --endpoint and --identity it is the direct-token mode: prints consumer key/secret and access token/secret. With them, exits 1 when the Callback URL answers non-2xx (its error code, message and hint printed) or the integration is not Active within --timeout.',
    )
    .requiredOption('--name <name>', 'integration name')
    .option('--email <email>', 'contact e-mail')
    .option('--resources <list>', '"all" or comma-separated ACL resource ids', 'all')
    .option('--endpoint <url>', 'Callback URL: Magento POSTs the OAuth credentials and verifier there')
    .option('--identity <url>', 'Identity link URL, opened after the POST')
    .action(async (flags: CreateFlags) => {
      if ((flags.endpoint === undefined) !== (flags.identity === undefined)) {
        throw new CliError('--endpoint and --identity go together.', 'INVALID_INPUT', {
          hint: 'Give both for the OAuth handshake, or neither for direct tokens (Magento needs both to run the handshake).',
        });
      }
      const seconds = readTimeout(flags);
      const token = adminToken(flags, io);
      const body = {
        name: flags.name,
        email: flags.email,
        endpoint_url: flags.endpoint,
        identity_link_url: flags.identity,
        resources: readResourcesOption(flags.resources),
      };
      const created = await callSandboxAdmin<CreatedIntegration>(flags.url, token, 'POST', '/integrations', body);
      const activation = await callSandboxAdmin<Activation>(
        flags.url,
        token,
        'POST',
        `/integrations/${created.id}/activate`,
      );
      print(io, describeActivation(activation), flags.json);
      await checkHandshake(io, flags, seconds, activation);
    });

  for (const verb of ['activate', 'reauthorize'] as const) {
    common(integration.command(verb))
      .description(
        verb === 'activate'
          ? 'Activate an integration (the callback POST, then the identity link to open)'
          : 'Reauthorize: delete the token, POST the same consumer with a new verifier',
      )
      .requiredOption('--id <id>', 'integration id')
      .action(async (flags: IntegrationFlags & { id: string }) => {
        const id = readIntegerOption(flags.id, '--id', 1, Number.MAX_SAFE_INTEGER);
        const seconds = readTimeout(flags);
        const activation = await callSandboxAdmin<Activation>(
          flags.url,
          adminToken(flags, io),
          'POST',
          `/integrations/${id}/${verb}`,
        );
        print(io, describeActivation(activation), flags.json);
        await checkHandshake(io, flags, seconds, activation);
      });
  }
}
