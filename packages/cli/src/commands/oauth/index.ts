import type { Command } from 'commander';
import type { CliIo } from '../../cli-io';

/** Registers the OAuth 1.0a commands (sign, verify, curl, explain). */
export function registerOauthCommands(_program: Command, _io: CliIo): void {}
