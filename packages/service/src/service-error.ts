/** Codes of {@link IntegrationServiceError}. */
export type IntegrationServiceErrorCode =
  /** The environment has missing or bad settings (every problem is named in the message). */
  | 'INVALID_CONFIG'
  /** `DATA_DIR/keys.json` cannot be read, written or parsed. */
  | 'KEY_FILE'
  /** The database could not be opened or migrated at boot. */
  | 'DATABASE_UNAVAILABLE'
  /** The port (`PORT`) is taken by another process or not allowed; the hint says which variable moves it. */
  | 'PORT_IN_USE';

/** The one error class of @magekit/service: what went wrong and what to do about it. */
export class IntegrationServiceError extends Error {
  override readonly name = 'IntegrationServiceError';
  readonly code: IntegrationServiceErrorCode;
  readonly hint?: string;

  constructor(message: string, code: IntegrationServiceErrorCode, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }
}
