import type { MagentoProblemCode } from './magento-problems';

/** Every error code @magekit/oauth1 throws or reports: its input errors, and Magento's verdicts (`MAGENTO_*`). */
export type OAuth1ErrorCode =
  | 'INVALID_URL'
  | 'INVALID_METHOD'
  | 'INVALID_INPUT'
  | 'UNSUPPORTED_SIGNATURE_METHOD'
  | 'UNSIGNABLE_REQUEST'
  | 'HEADER_MALFORMED'
  | MagentoProblemCode;

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
