import type { Command } from 'commander';
import type { CliIo } from '../../cli-io';
import { registerAclDecideCommand } from './decide.command';
import { registerAclExplainCommand } from './explain.command';
import { registerAclLeastPrivilegeCommand } from './least-privilege.command';

/** Registers `magekit acl …` (decide, explain, least-privilege). */
export function registerAclCommands(program: Command, io: CliIo): void {
  const acl = program.command('acl').description('Magento ACL and web-API routing: decide, explain, least-privilege');
  registerAclDecideCommand(acl, io);
  registerAclExplainCommand(acl, io);
  registerAclLeastPrivilegeCommand(acl, io);
}
