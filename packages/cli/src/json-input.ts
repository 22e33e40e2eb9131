import { CliError } from './cli-error';

/** Parses stdin as JSON, with a clear error for empty or malformed input. */
export function parseJsonInput(text: string, what: string): unknown {
  if (text.trim() === '') {
    throw new CliError(`No input: expected ${what} as JSON on stdin.`, 'EMPTY_INPUT', {
      hint: `Pipe a JSON object (or an array of them) into the command, e.g. \`cat case.json | magekit …\`.`,
    });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CliError(`Malformed JSON on stdin: ${(cause as Error).message}.`, 'INVALID_JSON', { cause });
  }
}

/**
 * Runs `handle` on one object or on each object of an array, keeping the shape: an array in gives an
 * array out, in order. Every element is validated before any is handled, so bad input prints nothing.
 */
export async function mapJsonCases<I, O>(
  input: unknown,
  validate: (value: unknown, where: string) => I,
  handle: (value: I) => O | Promise<O>,
): Promise<O | O[]> {
  if (Array.isArray(input)) {
    const cases = input.map((value, index) => validate(value, `element ${index}`));
    const out: O[] = [];
    for (const item of cases) out.push(await handle(item));
    return out;
  }
  return handle(validate(input, 'input'));
}

/** Asserts a plain JSON object. */
export function expectObject(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CliError(`${where}: expected a JSON object, got ${describeJson(value)}.`, 'INVALID_INPUT');
  }
  return value as Record<string, unknown>;
}

/** Reads a required string field. */
export function requireString(obj: Record<string, unknown>, field: string, where: string): string {
  const value = obj[field];
  if (value === undefined || value === null) {
    throw new CliError(`${where}: the field "${field}" is missing.`, 'MISSING_FIELD');
  }
  if (typeof value !== 'string') {
    throw new CliError(`${where}: "${field}" must be a string, got ${describeJson(value)}.`, 'INVALID_INPUT');
  }
  return value;
}

/** Reads an optional string field (absent or null gives undefined). */
export function optionalString(obj: Record<string, unknown>, field: string, where: string): string | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new CliError(`${where}: "${field}" must be a string, got ${describeJson(value)}.`, 'INVALID_INPUT');
  }
  return value;
}

/** Reads an optional object of string values. */
export function optionalStringMap(
  obj: Record<string, unknown>,
  field: string,
  where: string,
): Record<string, string> | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  const map = expectObject(value, `${where}: "${field}"`);
  for (const [key, entry] of Object.entries(map)) {
    if (typeof entry !== 'string') {
      throw new CliError(`${where}: "${field}.${key}" must be a string, got ${describeJson(entry)}.`, 'INVALID_INPUT');
    }
  }
  return map as Record<string, string>;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
