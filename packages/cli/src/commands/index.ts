import type { Command } from 'commander';
import type { CliIo } from '../cli-io';

/** Adds one command (or a group) to the program. */
export type CommandRegistration = (program: Command, io: CliIo) => void;

/** Every command of the magekit program, in help order. */
export const commandRegistrations: CommandRegistration[] = [];
