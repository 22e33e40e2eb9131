import type { Command } from 'commander';
import type { CliIo } from '../../cli-io';
import { registerAccountCommands } from './accounts.command';
import { registerRotateCommand } from './rotate.command';
import { registerStoreCommands } from './stores.command';
import { registerTokenCommands } from './tokens.command';

/**
 * Registers the integration service's management commands: `magekit tokens create|revoke`,
 * `magekit accounts create|list|disable|enable|reset-password|unlock`, `magekit rotate`,
 * `magekit stores add-saas`. They read the service's DATABASE_URL / DATA_DIR
 * and keys (`service-settings.ts`, the service's own rules), loading Nest and TypeORM only when one runs (`service-database.ts`).
 */
export function registerServiceCommands(program: Command, io: CliIo): void {
  registerTokenCommands(program, io);
  registerAccountCommands(program, io);
  registerRotateCommand(program, io);
  registerStoreCommands(program, io);
}

export type { ServiceFlags } from './service-flags';
