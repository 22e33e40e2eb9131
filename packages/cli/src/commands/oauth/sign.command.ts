import type { Command } from 'commander';
import { signRequest } from '@magekit/oauth1';
import type { CliIo } from '../../cli-io';
import { mapJsonCases, parseJsonInput } from '../../json-input';
import { readSignCase } from './sign-case';

/** `magekit sign`: JSON case(s) on stdin → `{baseString, signature, signingKey, authorization}`. */
export function registerSignCommand(program: Command, io: CliIo): void {
  program
    .command('sign')
    .description(
      'Sign a request as Magento verifies it. Reads JSON on stdin ({method, url, consumerKey, consumerSecret} and optionally token, tokenSecret, verifier, headers, body, nonce, timestamp, signatureMethod, profile; packages/oauth1/fixtures/vectors/sign.json has examples); an array gives an array.',
    )
    .action(async () => {
      const input = parseJsonInput(await io.readStdin(), 'a request to sign');
      const output = await mapJsonCases(input, readSignCase, (request) => {
        const signed = signRequest(request);
        for (const warning of signed.warnings) io.writeErr(`warning: ${warning}\n`);
        return {
          baseString: signed.baseString,
          signature: signed.signature,
          signingKey: signed.signingKey,
          authorization: signed.authorization,
        };
      });
      io.writeOut(JSON.stringify(output, null, 2) + '\n');
    });
}
