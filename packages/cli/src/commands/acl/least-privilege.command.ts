import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  AclError,
  computeLeastPrivilege,
  describeUnmatchedCall,
  emitIntegrationXml,
  parseCallsText,
  parseRestPath,
  type LeastPrivilege,
  type MagentoModel,
  type PlannedCall,
} from '@magekit/acl';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { loadAclModel } from './acl-model';
import { readCallsFileOption } from './read-calls-file';

/**
 * Reads a calls file: one `METHOD /path` per line (a route id such as `GET /V1/products/:sku` is a
 * path that hits its own route exactly); `#` comments and blank lines are skipped.
 *
 * @throws CliError `INVALID_INPUT` naming the file and line of a malformed line or a non-REST path
 */
export function parseCallsFile(text: string, file: string): PlannedCall[] {
  const calls = parseCallsText(text).map(({ line, text: raw, call }) => {
    if (call === null) throw new CliError(`${file}:${line}: expected "METHOD /path", got "${raw}".`, 'INVALID_INPUT');
    try {
      parseRestPath(call.path, call.method.toUpperCase());
    } catch (error) {
      if (error instanceof AclError)
        throw new CliError(`${file}:${line}: ${error.message}.`, 'INVALID_INPUT', { hint: error.hint, cause: error });
      throw error;
    }
    return call;
  });
  if (calls.length === 0)
    throw new CliError(`${file}: no calls found.`, 'EMPTY_INPUT', {
      hint: 'One call per line, e.g. "GET /V1/products/:sku".',
    });
  return calls;
}

interface LeastPrivilegeFlags {
  xml?: string;
  calls?: string;
  emit?: string;
  name: string;
  email: string;
  endpointUrl?: string;
  identityLinkUrl?: string;
}

/** `magekit acl least-privilege --calls <file> [--emit integration.xml]`. */
export function registerAclLeastPrivilegeCommand(acl: Command, io: CliIo): void {
  acl
    .command('least-privilege')
    .description('The minimal ACL resources for a list of calls, and optionally an etc/integration.xml declaring them.')
    .option('--xml <dir>', 'folder with <Module>/webapi.xml and <Module>/acl.xml (default: stock Magento 2.4.6-p1)')
    .option(
      '--calls <file>',
      'calls file: one "METHOD /path" per line (# comments, blank lines ok); a regular file of at most 1 MiB',
    )
    .option('--emit <file>', 'write an etc/integration.xml with the resources to this file')
    .option('--name <name>', 'integration name for --emit', 'MyIntegration')
    .option('--email <email>', 'integration email for --emit', 'integration@example.com')
    .option('--endpoint-url <url>', 'endpoint (callback) URL for --emit')
    .option('--identity-link-url <url>', 'identity link URL for --emit')
    .action((flags: LeastPrivilegeFlags) => {
      if (flags.calls === undefined) throw new CliError('--calls <file> is required.', 'MISSING_OPTION');
      const text = readCallsFileOption(flags.calls);
      const calls = parseCallsFile(text, flags.calls);
      try {
        const model = loadAclModel(flags.xml);
        const result = computeLeastPrivilege(model, calls);
        refuseUnmatchedCalls(model, result, calls, parseCallsText(text), flags.calls);
        if (flags.emit !== undefined) {
          const xml = emitIntegrationXml({
            name: flags.name,
            email: flags.email,
            endpointUrl: flags.endpointUrl,
            identityLinkUrl: flags.identityLinkUrl,
            resources: result.ticked,
          });
          writeFileSync(flags.emit, xml);
        }
        io.writeOut(JSON.stringify({ ...result, emitted: flags.emit ?? null }, null, 2) + '\n');
      } catch (error) {
        if (error instanceof AclError)
          throw new CliError(`${error.message}.`, 'INVALID_INPUT', { hint: error.hint, cause: error });
        throw error;
      }
    });
}

/**
 * A call that matches no route is a mistake in the calls file, not a call that needs nothing: every
 * such line is named with Magento's message and the nearest routes of the model.
 *
 * @throws CliError `INVALID_INPUT` (exit 2) naming each line, e.g. "did you mean `GET /V1/store/storeConfigs`?"
 */
function refuseUnmatchedCalls(
  model: MagentoModel,
  result: LeastPrivilege,
  calls: readonly PlannedCall[],
  lines: ReturnType<typeof parseCallsText>,
  file: string,
): void {
  const problems = result.calls.flatMap((planned, index) => {
    const call = calls[index];
    if (planned.route !== null || call === undefined || 'routeId' in call) return [];
    return [
      `${file}:${lines[index]?.line ?? index + 1}: ${describeUnmatchedCall(model, call, planned.call, planned.problem).message}`,
    ];
  });
  if (problems.length === 0) return;
  const message = problems.join('; ');
  throw new CliError(/[.?]$/.test(message) ? message : `${message}.`, 'INVALID_INPUT', {
    hint: 'Each line must be a route of the table ("METHOD /V1/path"); `magekit acl explain` shows how a path is routed.',
  });
}
