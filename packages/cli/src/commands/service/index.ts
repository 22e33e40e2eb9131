import type { Command } from 'commander';
import type { CliIo } from '../../cli-io';
import { registerAccountCommands } from './accounts.command';
import { registerRotateCommand } from './rotate.command';
import { registerTokenCommands } from './tokens.command';

/**
 * Registers the integration service's management commands: `magekit tokens create|revoke`,
 * `magekit accounts create|list|disable|enable|reset-password|unlock`, `magekit rotate`. They read the service's DATABASE_URL / DATA_DIR
 * and keys ({@link readServiceDatabase}, {@link readServiceKeys}).
 */
export function registerServiceCommands(program: Command, io: CliIo): void {
  registerTokenCommands(program, io);
  registerAccountCommands(program, io);
  registerRotateCommand(program, io);
}

export { readServiceDatabase, readServiceKeys, type ServiceFlags } from './service-settings';
