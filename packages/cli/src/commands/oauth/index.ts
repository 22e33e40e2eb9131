import type { Command } from 'commander';
import type { CliIo } from '../../cli-io';
import { registerCurlCommand } from './curl.command';
import { registerExplainCommands } from './explain.command';
import { registerSignCommand } from './sign.command';
import { registerVerifyCommand } from './verify.command';

/** Registers the OAuth 1.0a commands (sign, verify, curl, explain, diff). */
export function registerOauthCommands(program: Command, io: CliIo): void {
  registerSignCommand(program, io);
  registerVerifyCommand(program, io);
  registerCurlCommand(program, io);
  registerExplainCommands(program, io);
}
