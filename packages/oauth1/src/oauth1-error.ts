/**
 * Every error code @magekit/oauth1 throws or reports. Magento's own `oauth_problem` texts map to the
 * `MAGENTO_*` codes (see `magento-problems.ts`); the others are input errors of this package.
 */
export type OAuth1ErrorCode =
  | 'INVALID_URL'
  | 'INVALID_METHOD'
  | 'INVALID_INPUT'
  | 'UNSUPPORTED_SIGNATURE_METHOD'
  | 'UNSIGNABLE_REQUEST'
  | 'NONCE_TOO_LONG'
  | 'HEADER_MALFORMED'
  | 'MAGENTO_VERSION_REJECTED'
  | 'MAGENTO_PARAMETER_MISSING'
  | 'MAGENTO_TOKEN_LENGTH'
  | 'MAGENTO_SIGNATURE_METHOD_REJECTED'
  | 'MAGENTO_CONSUMER_KEY_LENGTH'
  | 'MAGENTO_CONSUMER_UNKNOWN'
  | 'MAGENTO_NONCE_REJECTED'
  | 'MAGENTO_NONCE_REUSED'
  | 'MAGENTO_CONSUMER_EXPIRED'
  | 'MAGENTO_TOKEN_UNKNOWN'
  | 'MAGENTO_TOKEN_OTHER_CONSUMER'
  | 'MAGENTO_TOKEN_USED'
  | 'MAGENTO_TOKEN_NOT_ACCESS'
  | 'MAGENTO_TOKEN_REVOKED'
  | 'MAGENTO_VERIFIER_INVALID'
  | 'MAGENTO_VERIFIER_LENGTH'
  | 'MAGENTO_VERIFIER_MISMATCH'
  | 'MAGENTO_SIGNATURE_INVALID'
  | 'MAGENTO_NOT_VERIFIER_TOKEN'
  | 'MAGENTO_NOT_REQUEST_TOKEN'
  | 'MAGENTO_INTEGRATION_TOKEN_MISSING'
  | 'MAGENTO_INTERNAL_ERROR'
  | 'MAGENTO_NOT_OAUTH';

/** The one error class of @magekit/oauth1: a string `code`, a message, and a hint for the human. */
export class OAuth1Error extends Error {
  override readonly name = 'OAuth1Error';
  readonly code: OAuth1ErrorCode;
  readonly hint?: string;

  constructor(message: string, code: OAuth1ErrorCode, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}
