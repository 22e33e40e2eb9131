/** Codes of the errors the magekit command reports (exit code 2, message on stderr, nothing on stdout). */
export type CliErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_INPUT'
  | 'MISSING_FIELD'
  | 'MISSING_OPTION'
  | 'FILE_NOT_FOUND'
  | 'NOT_A_FILE'
  | 'FILE_TOO_LARGE'
  | 'EMPTY_INPUT'
  | 'NOT_AVAILABLE'
  | 'UNREACHABLE'
  | 'SANDBOX_FAILED';

/** A user error of the magekit command: what was wrong and what to do. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;
  readonly hint?: string;

  constructor(message: string, code: CliErrorCode, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }
}

/**
 * Ends a command that has printed its result with a non-zero exit code and nothing more on stderr,
 * e.g. `magekit doctor` when a check failed (exit 1). Not a user error.
 */
export class CliExit extends Error {
  override readonly name = 'CliExit';
  readonly exitCode: number;

  constructor(exitCode: number) {
    super(`exit code ${exitCode}`);
    this.exitCode = exitCode;
  }
}
