import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { registerAclCommands } from './acl';
import { registerDevCommand } from './dev';
import { registerDoctorCommand } from './doctor';
import { registerOauthCommands } from './oauth';
import { registerSandboxCommands } from './sandbox';
import { registerServiceCommands } from './service';

/** Adds one command (or a group) to the program. */
export type CommandRegistration = (program: Command, io: CliIo) => void;

/** Every command of the magekit program, in help order. */
export const commandRegistrations: CommandRegistration[] = [
  registerOauthCommands,
  registerAclCommands,
  registerSandboxCommands,
  registerDevCommand,
  registerDoctorCommand,
  registerServiceCommands,
];
