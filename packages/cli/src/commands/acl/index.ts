import type { Command } from 'commander';
import type { CliIo } from '../../cli-io';

/** Registers `magekit acl …` (decide, explain, least-privilege). */
export function registerAclCommands(program: Command, _io: CliIo): void {
  program.command('acl').description('Magento ACL and web-API routing: decide, explain, least-privilege');
}
