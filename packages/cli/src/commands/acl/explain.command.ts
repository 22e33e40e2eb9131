import type { Command } from 'commander';
import { AclError, assertCaller, explainRequest, type Caller, type RequestExplanation } from '@magekit/acl';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { parseJsonInput } from '../../json-input';
import { loadAclModel } from './acl-model';

/** Renders an explanation for people. */
export function formatAclExplanation({
  decision,
  resources,
  shadowedRoutes,
  requestParams,
}: RequestExplanation): string {
  const lines = [
    `request   ${decision.method} ${decision.path}`,
    `path info ${decision.request.pathInfo}  (store: ${decision.request.storeCode ?? 'default'}, processor: ${decision.request.mode ?? 'none'})`,
  ];
  if (decision.routeId === null) {
    lines.push(
      decision.outcome === 'schema'
        ? 'route     (schema request)'
        : `route     none — ${decision.error?.httpStatus} ${decision.message}`,
    );
    return lines.join('\n') + '\n';
  }
  lines.push(`route     ${decision.routeId}`, `service   ${decision.service?.class}::${decision.service?.method}()`);
  for (const [name, value] of Object.entries(decision.params))
    lines.push(`param     ${name} = ${JSON.stringify(value)}`);
  for (const [name, value] of Object.entries(requestParams))
    if (!(name in decision.params))
      lines.push(`param     ${name} = ${JSON.stringify(value)}  (left by a shadowed route)`);
  for (const p of decision.forcedParams)
    lines.push(
      `data      ${p.name} ${p.force ? 'forced to' : 'defaults to'} ${p.declared} → ${p.value === undefined ? p.note : JSON.stringify(p.value)}`,
    );
  lines.push(`resources ${decision.resources.length > 1 ? 'all of these are required' : ''}`.trimEnd());
  for (const r of resources) {
    const where =
      r.kind === 'acl'
        ? `${r.title} — ${r.breadcrumb}`
        : r.kind === 'anonymous'
          ? 'anyone, no token needed'
          : r.kind === 'self'
            ? 'a customer acting on their own data (admins/integrations only with "All resources")'
            : r.kind === 'disabled'
              ? 'disabled in acl.xml: only "All resources" passes'
              : 'defined in no acl.xml: only "All resources" passes';
    lines.push(`  ${r.id}  ${where}`);
  }
  for (const id of shadowedRoutes) lines.push(`shadows   ${id}`);
  lines.push(
    `verdict   ${decision.allowed ? 'allowed' : `refused — ${decision.error?.httpStatus} ${decision.message}`}`,
  );
  return lines.join('\n') + '\n';
}

/** `magekit acl explain [--xml <dir>] [--caller <json>] METHOD PATH`. */
export function registerAclExplainCommand(acl: Command, io: CliIo): void {
  acl
    .command('explain <method> <path>')
    .description(
      'Explain how Magento routes a request: route, service, params, resources with titles and their place in the admin tree.',
    )
    .option('--xml <dir>', 'folder with <Module>/webapi.xml and <Module>/acl.xml (default: stock Magento 2.4.6-p1)')
    .option(
      '--caller <json>',
      'caller as JSON, e.g. \'{"type":"integration","resources":["Magento_Catalog::products"]}\' (default: guest)',
    )
    .option('--format <format>', 'text or json', 'text')
    .action((method: string, path: string, flags: { xml?: string; caller?: string; format: string }) => {
      if (flags.format !== 'text' && flags.format !== 'json')
        throw new CliError(`Unknown format "${flags.format}": use text or json.`, 'INVALID_INPUT');
      let caller: Caller = { type: 'guest' };
      try {
        if (flags.caller !== undefined) caller = assertCaller(parseJsonInput(flags.caller, 'a caller'));
        const explanation = explainRequest(loadAclModel(flags.xml), method, path, caller);
        io.writeOut(
          flags.format === 'json' ? JSON.stringify(explanation, null, 2) + '\n' : formatAclExplanation(explanation),
        );
      } catch (error) {
        if (error instanceof AclError)
          throw new CliError(`${error.message}.`, 'INVALID_INPUT', { hint: error.hint, cause: error });
        throw error;
      }
    });
}
