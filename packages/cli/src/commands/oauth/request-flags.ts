import type { Command } from 'commander';
import type { SignInput } from '@magekit/oauth1';
import { CliError } from '../../cli-error';

/** Flags shared by `curl` and `explain` that describe one request. */
export interface RequestFlags {
  request?: string;
  data?: string;
  json?: string;
  header?: string[];
  consumerKey?: string;
  consumerSecret?: string;
  token?: string;
  tokenSecret?: string;
  verifier?: string;
  profile?: string;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds the request flags (curl-like names) to a command. */
export function addRequestFlags(command: Command): Command {
  return command
    .option('-X, --request <method>', 'HTTP method (default GET, or POST with a body)')
    .option('-d, --data <body>', 'form body (application/x-www-form-urlencoded, signed)')
    .option('--json <body>', 'JSON body (application/json, not signed)')
    .option('-H, --header <header>', 'extra header "Name: value" (repeatable)', collect)
    .option('--consumer-key <key>', 'consumer key (env MAGEKIT_CONSUMER_KEY)')
    .option('--consumer-secret <secret>', 'consumer secret (env MAGEKIT_CONSUMER_SECRET)')
    .option('--token <token>', 'request or access token (env MAGEKIT_TOKEN)')
    .option('--token-secret <secret>', 'token secret (env MAGEKIT_TOKEN_SECRET)')
    .option('--verifier <verifier>', 'oauth_verifier from the callback POST (access-token step)')
    .option('--profile <profile>', 'latest (2.4-develop, 2.4.8+) or laminas (2.4.4–2.4.6) (env MAGEKIT_PROFILE)');
}

function parseHeaders(lines: string[] = []): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new CliError(`Bad header "${line}": expected "Name: value".`, 'INVALID_INPUT');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/**
 * Builds a {@link SignInput} from flags and environment. `requireSecrets` makes the consumer
 * key/secret mandatory (curl); explain works without them.
 */
export function readRequestFlags(
  url: string,
  flags: RequestFlags,
  env: Record<string, string | undefined>,
  requireSecrets: boolean,
): SignInput {
  if (flags.data !== undefined && flags.json !== undefined)
    throw new CliError('Use either --data or --json, not both.', 'INVALID_INPUT');
  const headers = parseHeaders(flags.header);
  const body = flags.data ?? flags.json ?? null;
  if (flags.data !== undefined) headers['content-type'] ??= 'application/x-www-form-urlencoded';
  if (flags.json !== undefined) headers['content-type'] ??= 'application/json';
  const consumerKey = flags.consumerKey ?? env.MAGEKIT_CONSUMER_KEY;
  const consumerSecret = flags.consumerSecret ?? env.MAGEKIT_CONSUMER_SECRET;
  if (requireSecrets && (!consumerKey || !consumerSecret)) {
    throw new CliError('The consumer key and secret are required.', 'MISSING_OPTION', {
      hint: "Pass --consumer-key and --consumer-secret, or set MAGEKIT_CONSUMER_KEY and MAGEKIT_CONSUMER_SECRET (they come from Magento's callback POST).",
    });
  }
  const profile = flags.profile ?? env.MAGEKIT_PROFILE;
  if (profile !== undefined && profile !== 'latest' && profile !== 'laminas') {
    throw new CliError(`Unknown profile "${profile}": use latest or laminas.`, 'INVALID_INPUT');
  }
  return {
    method: (flags.request ?? (body === null ? 'GET' : 'POST')).toUpperCase(),
    url,
    headers,
    body,
    consumerKey: consumerKey ?? '',
    consumerSecret: consumerSecret ?? '',
    token: flags.token ?? env.MAGEKIT_TOKEN ?? null,
    tokenSecret: flags.tokenSecret ?? env.MAGEKIT_TOKEN_SECRET ?? null,
    verifier: flags.verifier ?? null,
    profile,
  };
}
