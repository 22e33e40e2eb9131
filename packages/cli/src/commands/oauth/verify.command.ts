import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { generateNonce, verifyRequest, type VerifyInput } from '@magekit/oauth1';
import { createVectorStore, type VerifyVector } from '@magekit/oauth1/testing';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { expectObject, mapJsonCases, parseJsonInput } from '../../json-input';
import { readVerifyRequest } from './sign-case';
import { readVerifyState } from './verify-state';

interface VerifyCase {
  request: VerifyInput;
  state: VerifyVector['state'];
  now: number;
}

function readVerifyCase(value: unknown, where: string): VerifyCase {
  const obj = expectObject(value, where);
  const now = obj.now;
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    throw new CliError(
      `${where}: "now" must be the store's clock in Unix seconds.`,
      obj.now === undefined ? 'MISSING_FIELD' : 'INVALID_INPUT',
    );
  }
  if (obj.state === undefined) throw new CliError(`${where}: the field "state" is missing.`, 'MISSING_FIELD');
  return { request: readVerifyRequest(obj, where), state: readVerifyState(obj.state, where), now };
}

/** A token endpoint's success body, with fresh tokens as Magento issues them. */
function issueTokens(): string {
  return `oauth_token=${generateNonce(randomBytes)}&oauth_token_secret=${generateNonce(randomBytes)}`;
}

/** `magekit verify`: a request + store state (verify.json shape) → Magento's verdict. */
export function registerVerifyCommand(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description(
      "Verify a received request as Magento's OAuth server does. Reads JSON on stdin (a case as in packages/oauth1/fixtures/vectors/verify.json); an array gives an array.",
    )
    .action(async () => {
      const input = parseJsonInput(await io.readStdin(), 'a request to verify');
      const output = await mapJsonCases(input, readVerifyCase, async ({ request, state, now }) => {
        const result = await verifyRequest(request, createVectorStore(state, now), { clock: () => now * 1000 });
        const responseBody = result.valid && request.kind !== 'api' ? issueTokens() : result.responseBody;
        return {
          valid: result.valid,
          httpStatus: result.httpStatus,
          error: result.error,
          responseBody,
          code: result.code,
          hint: result.hint,
        };
      });
      io.writeOut(JSON.stringify(output, null, 2) + '\n');
    });
}
