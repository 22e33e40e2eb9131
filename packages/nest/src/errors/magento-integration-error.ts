/**
 * Every code {@link MagentoIntegrationError} carries. The exception filter maps each one to an
 * HTTP status (see `errorHttpStatus`); the package README documents them.
 */
export type MagentoIntegrationErrorCode =
  | 'INVALID_CONFIG'
  | 'INVALID_CALLBACK'
  | 'UNKNOWN_TENANT'
  | 'STORE_URL_REFUSED'
  | 'STORE_NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'INVALID_INPUT'
  | 'UNKNOWN_KEY_ID'
  | 'DECRYPT_FAILED'
  | 'UNAUTHORIZED'
  | 'FORM_EXPIRED'
  | 'STORE_NOT_ACTIVE'
  | 'WINDOW_CLOSED'
  | 'CALLBACK_MISMATCH'
  | 'PENDING_LIMIT'
  | 'TOO_MANY_REQUESTS'
  | 'TOKEN_NOT_IN_HEADER'
  | 'INTERNAL_ERROR';

/** Extra facts of a {@link MagentoIntegrationError}. */
export interface MagentoIntegrationErrorOptions {
  /** What the operator or merchant can do about it. */
  hint?: string;
  cause?: unknown;
  /** Machine-readable details that are safe to show (never secrets). */
  details?: Readonly<Record<string, unknown>>;
}

/**
 * The one error class of @magekit/nest: a string `code`, a `hint` for the human and the `cause`.
 * Only `MagentoIntegrationExceptionFilter` turns it into an HTTP answer.
 */
export class MagentoIntegrationError extends Error {
  override readonly name = 'MagentoIntegrationError';
  readonly code: MagentoIntegrationErrorCode;
  readonly hint?: string;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(message: string, code: MagentoIntegrationErrorCode, options: MagentoIntegrationErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.details !== undefined) this.details = options.details;
  }
}

/** True when `error` is a {@link MagentoIntegrationError}, optionally with one of `codes`. */
export function isMagentoIntegrationError(
  error: unknown,
  ...codes: MagentoIntegrationErrorCode[]
): error is MagentoIntegrationError {
  return error instanceof MagentoIntegrationError && (codes.length === 0 || codes.includes(error.code));
}
