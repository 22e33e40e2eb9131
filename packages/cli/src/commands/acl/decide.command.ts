import type { Command } from 'commander';
import { AclError, assertCaller, decide, type Caller, type MagentoModel } from '@magekit/acl';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { expectObject, mapJsonCases, parseJsonInput, requireString } from '../../json-input';
import { loadAclModel } from './acl-model';

interface DecideCase {
  method: string;
  path: string;
  caller: Caller;
}

function readDecideCase(value: unknown, where: string): DecideCase {
  const obj = expectObject(value, where);
  const method = requireString(obj, 'method', where);
  const path = requireString(obj, 'path', where);
  if (obj.caller === undefined || obj.caller === null)
    throw new CliError(`${where}: the field "caller" is missing.`, 'MISSING_FIELD');
  try {
    return { method, path, caller: assertCaller(expectObject(obj.caller, `${where}: "caller"`)) };
  } catch (error) {
    if (error instanceof AclError)
      throw new CliError(`${where}: caller: ${error.message}.`, 'INVALID_INPUT', { hint: error.hint, cause: error });
    throw error;
  }
}

function answer(model: MagentoModel, item: DecideCase) {
  try {
    const d = decide(model, item.caller, item.method, item.path);
    return {
      route: d.route,
      resources: d.resources,
      allowed: d.allowed,
      missing: d.missing,
      message: d.message,
      httpStatus: d.error?.httpStatus ?? null,
      routeId: d.routeId,
      service: d.service,
      params: d.params,
      forcedParams: d.forcedParams,
      storeCode: d.request.storeCode,
      mode: d.request.mode,
    };
  } catch (error) {
    if (error instanceof AclError)
      throw new CliError(`${item.method} ${item.path}: ${error.message}.`, 'INVALID_INPUT', {
        hint: error.hint,
        cause: error,
      });
    throw error;
  }
}

/** `magekit acl decide [--xml <dir>]`: JSON request(s) on stdin → Magento's routing and ACL verdict. */
export function registerAclDecideCommand(acl: Command, io: CliIo): void {
  acl
    .command('decide')
    .description(
      'Route and authorize requests as Magento does. Stdin: {method, path, caller:{type, resources?, customerId?}} or an array of them.',
    )
    .option('--xml <dir>', 'folder with <Module>/webapi.xml and <Module>/acl.xml (default: stock Magento 2.4.6-p1)')
    .action(async (flags: { xml?: string }) => {
      const input = parseJsonInput(await io.readStdin(), 'a request and caller');
      const model = loadAclModel(flags.xml);
      const out = await mapJsonCases(input, readDecideCase, (item) => answer(model, item));
      io.writeOut(JSON.stringify(out, null, 2) + '\n');
    });
}
