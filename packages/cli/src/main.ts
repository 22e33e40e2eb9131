import { createProcessIo } from './cli-io';
import { runCli } from './program';

void runCli(process.argv.slice(2), createProcessIo()).then((code) => {
  process.exitCode = code;
});
