/**
 * Every error code @magekit/acl throws. Parsing codes name the file and line; the others are input
 * errors of the library's own API.
 */
export type AclErrorCode =
  | 'XML_MALFORMED'
  | 'XML_DTD_FORBIDDEN'
  | 'XML_TOO_LARGE'
  | 'XML_TOO_DEEP'
  | 'XML_NOT_UTF8'
  | 'XML_INVALID_STRUCTURE'
  | 'ACL_DUPLICATE_ID'
  | 'UNKNOWN_CALLER_TYPE'
  | 'INVALID_CALLER'
  | 'INVALID_METHOD'
  | 'INVALID_PATH'
  | 'INVALID_CALL'
  | 'INVALID_INTEGRATION'
  | 'INVALID_STOCK_DATA'
  | 'DIRECTORY_NOT_FOUND'
  | 'FILE_NOT_FOUND'
  | 'NOT_A_FILE'
  | 'FILE_TOO_LARGE';

/** Where an error was found in an XML file (1-based line). */
export interface AclErrorOptions {
  file?: string;
  line?: number;
  hint?: string;
  cause?: unknown;
}

/**
 * The one error class of @magekit/acl: a string `code`, the message, and where known the file and
 * line of the offending XML plus a hint for the human.
 */
export class AclError extends Error {
  override readonly name = 'AclError';
  readonly code: AclErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;

  constructor(message: string, code: AclErrorCode, options: AclErrorOptions = {}) {
    super(formatMessage(message, options), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.file !== undefined) this.file = options.file;
    if (options.line !== undefined) this.line = options.line;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}

function formatMessage(message: string, { file, line }: AclErrorOptions): string {
  if (file === undefined) return line === undefined ? message : `line ${line}: ${message}`;
  return `${file}${line === undefined ? '' : `:${line}`}: ${message}`;
}
