/**
 * Every code {@link MagentoClientError} carries. Magento's OAuth `oauth_problem` texts, REST
 * `{message, parameters}` bodies and transport failures all map to one of these.
 */
export type MagentoClientErrorCode =
  | 'CONSUMER_EXPIRED'
  | 'CONSUMER_UNKNOWN'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_METHOD_REJECTED'
  | 'NONCE_REJECTED'
  | 'NONCE_REUSED'
  | 'TOKEN_REVOKED'
  | 'TOKEN_INVALID'
  | 'VERIFIER_INVALID'
  | 'HANDSHAKE_STATE'
  | 'OAUTH_PARAMETER_MISSING'
  | 'NOT_AUTHORIZED'
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'BAD_CREDENTIALS'
  | 'TWO_FACTOR_REQUIRED'
  | 'TWO_FACTOR_NOT_CONFIGURED'
  | 'IMS_CLIENT_REJECTED'
  | 'IMS_SCOPE_REJECTED'
  | 'IMS_REQUEST_REJECTED'
  | 'SAAS_UNSUPPORTED'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'TIMEOUT'
  | 'BULK_TIMEOUT'
  | 'ABORTED'
  | 'NETWORK'
  | 'HTTP_ERROR'
  | 'INVALID_RESPONSE'
  | 'INVALID_INPUT';

/** Magento's own words: the phrase (with `%1`/`%name` placeholders) and its parameters. */
export interface MagentoMessage {
  message: string;
  parameters?: readonly unknown[] | Readonly<Record<string, unknown>>;
}

/** Extra facts attached to a {@link MagentoClientError}. */
export interface MagentoClientErrorOptions {
  status?: number;
  hint?: string;
  cause?: unknown;
  magento?: MagentoMessage;
}

/**
 * The one error class of @magekit/client: a string `code`, the HTTP `status` when there was a
 * response, a `hint` for the human, Magento's raw phrase and parameters, and the `cause`.
 */
export class MagentoClientError extends Error {
  override readonly name = 'MagentoClientError';
  readonly code: MagentoClientErrorCode;
  readonly status?: number;
  readonly hint?: string;
  readonly magento?: MagentoMessage;

  constructor(message: string, code: MagentoClientErrorCode, options: MagentoClientErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.magento !== undefined) this.magento = options.magento;
  }
}

/** True when `error` is a {@link MagentoClientError}, optionally with one of `codes`. */
export function isMagentoClientError(error: unknown, ...codes: MagentoClientErrorCode[]): error is MagentoClientError {
  return error instanceof MagentoClientError && (codes.length === 0 || codes.includes(error.code));
}
