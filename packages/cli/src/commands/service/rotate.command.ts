import type { Command } from 'commander';
import type { CliIo } from '../../cli-io';
import { withServiceDatabase } from './service-database';
import { withServiceFlags, type ServiceFlags } from './service-flags';

interface RotateFlags extends ServiceFlags {
  json?: boolean;
}

/** `magekit rotate`: re-encrypt every stored secret under the active key (safe while the service runs). */
export function registerRotateCommand(program: Command, io: CliIo): void {
  withServiceFlags(
    program
      .command('rotate')
      .description(
        'Re-encrypt the stored secrets of the integration service under the active key (MAGEKIT_ACTIVE_KEY of MAGEKIT_ENCRYPTION_KEYS, or DATA_DIR/keys.json). Keep retired keys until it has run.',
      )
      .option('--json', 'print {activeKeyId, reencrypted, unchanged}'),
  ).action(async (flags: RotateFlags) => {
    const { readServiceKeys } = await import('./service-settings.js');
    const keys = readServiceKeys(io.env, flags);
    const result = await withServiceDatabase(io, flags, (dataSource, nest) => nest.rotateSecrets(dataSource, keys));
    if (flags.json) return void io.writeOut(`${JSON.stringify(result, null, 2)}\n`);
    const total = Object.values(result.reencrypted).reduce((sum, count) => sum + count, 0);
    const lines = Object.entries(result.reencrypted)
      .filter(([, count]) => count > 0)
      .map(([column, count]) => `  ${column.padEnd(40)} ${count}`);
    io.writeOut(
      `Re-encrypted ${total} secret${total === 1 ? '' : 's'} under key ${result.activeKeyId}; ${result.unchanged} already were.\n${lines.length > 0 ? `${lines.join('\n')}\n` : ''}`,
    );
  });
}
