import type { Command } from 'commander';
import type { CliIo } from '../../cli-io';
import { registerSandboxIntegrationCommands } from './sandbox-integration.command';
import { registerSandboxStartCommand } from './sandbox-start.command';

/** Registers `magekit sandbox …` (start, integration create/activate/reauthorize). */
export function registerSandboxCommands(program: Command, io: CliIo): void {
  const sandbox = program
    .command('sandbox')
    .description('The local Magento-compatible sandbox store: start it, create and activate integrations');
  registerSandboxStartCommand(sandbox, io);
  registerSandboxIntegrationCommands(sandbox, io);
}
