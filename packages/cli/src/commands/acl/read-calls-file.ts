import { AclError } from '@magekit/acl';
import { readCallsFile } from '@magekit/acl/node';
import { CliError, type CliErrorCode } from '../../cli-error';

/**
 * The text of the calls file given to `option` (`--calls`), read through `readCallsFile` of
 * @magekit/acl/node: a regular file of at most 1 MiB, checked before it is opened, so
 * `/dev/zero`, a FIFO or a directory is refused at once.
 *
 * @throws CliError `FILE_NOT_FOUND` (missing or a dangling symlink), `NOT_A_FILE`, `FILE_TOO_LARGE`
 */
export function readCallsFileOption(file: string, option = '--calls'): string {
  try {
    return readCallsFile(file);
  } catch (error) {
    if (!(error instanceof AclError)) throw error;
    throw new CliError(`${option} ${error.message}.`, fileErrorCode(error), { hint: error.hint, cause: error });
  }
}

/** The CLI code for an error of @magekit/acl: its own file codes (`FILE_NOT_FOUND`, `NOT_A_FILE`, `FILE_TOO_LARGE`), else `INVALID_INPUT`. */
export function fileErrorCode(error: AclError): CliErrorCode {
  return error.code === 'FILE_NOT_FOUND' || error.code === 'NOT_A_FILE' || error.code === 'FILE_TOO_LARGE'
    ? error.code
    : 'INVALID_INPUT';
}
