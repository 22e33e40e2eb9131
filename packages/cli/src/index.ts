export { runCli, createProgram } from './program';
export { CliError, type CliErrorCode } from './cli-error';
export type { CliIo } from './cli-io';
