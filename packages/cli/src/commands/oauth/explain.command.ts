import type { Command } from 'commander';
import { explainRequest } from '@magekit/oauth1';
import { CliError } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { expectObject, optionalString, optionalStringMap, parseJsonInput, requireString } from '../../json-input';
import { diffBaseStrings } from './diff-base-strings';
import { formatExplanation } from './explain-format';
import { findRequestPitfalls } from './explain-notes';
import { addRequestFlags, readRequestFlags, type RequestFlags } from './request-flags';

function readExplainCase(value: unknown) {
  const obj = expectObject(value, 'input');
  return {
    ...obj,
    method: requireString(obj, 'method', 'input'),
    url: requireString(obj, 'url', 'input'),
    headers: optionalStringMap(obj, 'headers', 'input'),
    body: optionalString(obj, 'body', 'input') ?? null,
  };
}

/** `magekit explain` and `magekit diff`. */
export function registerExplainCommands(program: Command, io: CliIo): void {
  addRequestFlags(
    program
      .command('explain [url]')
      .description(
        'Show the parameter table and base string Magento computes for a request, for both profiles. Without a URL, reads a JSON request on stdin (a sign case, or a received request with headers.authorization).',
      )
      .option('--format <format>', 'text or json', 'text'),
  ).action(async (url: string | undefined, flags: RequestFlags & { format: string }) => {
    const input =
      url === undefined
        ? readExplainCase(parseJsonInput(await io.readStdin(), 'a request to explain'))
        : readRequestFlags(url, flags, io.env, false);
    const explanation = explainRequest(input as Parameters<typeof explainRequest>[0]);
    const contentType = Object.entries(input.headers ?? {}).find(
      ([name]) => name.toLowerCase() === 'content-type',
    )?.[1];
    const notes = findRequestPitfalls(explanation.requestUrl, contentType, input.body);
    if (flags.format === 'json') io.writeOut(JSON.stringify({ ...explanation, notes }, null, 2) + '\n');
    else if (flags.format === 'text') io.writeOut(formatExplanation(explanation, notes));
    else throw new CliError(`Unknown format "${flags.format}": use text or json.`, 'INVALID_INPUT');
  });

  program
    .command('diff <left> <right>')
    .description('Compare two signature base strings and name the first divergence and its likely cause.')
    .action((left: string, right: string) => {
      io.writeOut(JSON.stringify(diffBaseStrings(left, right), null, 2) + '\n');
    });
}
