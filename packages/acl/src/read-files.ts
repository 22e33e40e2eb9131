import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { AclError } from './acl-error';

/** The largest calls file {@link readCallsFile} reads (1 MiB): a list of REST calls is a few KiB. */
export const MAX_CALLS_FILE_BYTES = 1024 * 1024;

const CALLS_HINT = 'A calls file is a regular text file with one "METHOD /V1/path" per line (# comments allowed).';

/**
 * Reads a calls file (one `METHOD /path` per line) for least-privilege work: every reader of calls
 * files (the magekit command, the integration service's `MAGEKIT_CALLS_FILE`, the nx-plugin's
 * `--calls`) should go through it. The file is checked with `stat` (following symlinks) before it
 * is opened, so `/dev/zero`, a FIFO or a directory is refused at once instead of read forever.
 *
 * @throws AclError `FILE_NOT_FOUND` (missing, or a dangling symlink), `NOT_A_FILE` (not a regular
 *   file after following symlinks), `FILE_TOO_LARGE` (over `maxBytes`, default 1 MiB)
 */
export function readCallsFile(path: string, options: { maxBytes?: number } = {}): string {
  return readRegularFile(path, options.maxBytes ?? MAX_CALLS_FILE_BYTES, CALLS_HINT).toString('utf8');
}

/**
 * Checks that `path` is a regular file, following symlinks; a dangling symlink, a directory, a
 * device, a FIFO or a socket is refused with an error naming the path and what it is.
 *
 * @throws AclError `FILE_NOT_FOUND`, `NOT_A_FILE`
 */
export function statRegularFile(path: string, hint?: string): Stats {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const link = symlinkTarget(path);
    if (link !== null)
      throw new AclError(
        `${path} is a symlink to ${JSON.stringify(link)}, which cannot be read (${code ?? 'error'})`,
        'FILE_NOT_FOUND',
        { hint, cause },
      );
    throw new AclError(`${path}: no such file${code && code !== 'ENOENT' ? ` (${code})` : ''}`, 'FILE_NOT_FOUND', {
      hint,
      cause,
    });
  }
  if (!stats.isFile()) {
    const link = symlinkTarget(path);
    const what = describeKind(stats);
    throw new AclError(
      link === null
        ? `${path} is ${what}, not a regular file`
        : `${path} is a symlink to ${what} (${JSON.stringify(link)}), not a regular file`,
      'NOT_A_FILE',
      { hint },
    );
  }
  return stats;
}

/**
 * Reads at most `maxBytes` of a regular file. The file is opened without blocking and checked
 * again on its descriptor, so a file swapped for a FIFO or device after {@link statRegularFile}
 * is refused as well.
 *
 * @throws AclError `FILE_NOT_FOUND`, `NOT_A_FILE`, `FILE_TOO_LARGE`
 */
export function readRegularFile(path: string, maxBytes: number, hint?: string): Buffer {
  const checked = statRegularFile(path, hint);
  if (checked.size > maxBytes) throw tooLarge(path, checked.size, maxBytes, hint);
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      throw new AclError(`${path} is ${describeKind(stats)}, not a regular file`, 'NOT_A_FILE', { hint });
    if (stats.size > maxBytes) throw tooLarge(path, stats.size, maxBytes, hint);
    const buffer = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(path: string, size: number, maxBytes: number, hint: string | undefined): AclError {
  return new AclError(`${path} is ${size} bytes, over the limit of ${maxBytes} bytes`, 'FILE_TOO_LARGE', { hint });
}

function symlinkTarget(path: string): string | null {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : null;
  } catch {
    return null;
  }
}

function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}
