import type { Command } from 'commander';
import { signRequest } from '@magekit/oauth1';
import type { CliIo } from '../../cli-io';
import { addRequestFlags, readRequestFlags, type RequestFlags } from './request-flags';

/** Single-quotes a word for POSIX shells. */
export function quoteShell(word: string): string {
  return /^[A-Za-z0-9_\-.,:/=@%+]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `magekit curl <url>`: prints a ready-to-run, signed curl command (valid once: it carries a nonce). */
export function registerCurlCommand(program: Command, io: CliIo): void {
  addRequestFlags(
    program
      .command('curl <url>')
      .description(
        'Print a signed curl command for a Magento request, e.g. POST /oauth/token/access with --token, --token-secret and --verifier.',
      ),
  ).action((url: string, flags: RequestFlags) => {
    const input = readRequestFlags(url, flags, io.env, true);
    const signed = signRequest(input);
    for (const warning of signed.warnings) io.writeErr(`warning: ${warning}\n`);
    const words = ['curl', '-sS', '--globoff', '-X', input.method, url, '-H', `Authorization: ${signed.authorization}`];
    for (const [name, value] of Object.entries(input.headers ?? {})) words.push('-H', `${name}: ${value}`);
    if (input.body !== null && input.body !== undefined) words.push('--data-raw', input.body);
    io.writeOut(words.map(quoteShell).join(' ') + '\n');
    io.writeErr(
      'note: the command carries a fresh nonce and timestamp; run it once (Magento refuses a reused nonce).\n',
    );
  });
}
