import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Owner read/write only: the database holds encrypted secrets, hashes and store data. */
const FILE_MODE = 0o600;
/** SQLite's companion files (write-ahead log and shared memory index). */
const COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * Creates the SQLite file with mode 0600 before TypeORM opens it (SQLite gives its `-wal` and `-shm`
 * files the database file's mode), and takes group and other bits off an existing file and its
 * companions. The folder is created with mode 0700 when missing. `:memory:` is left alone.
 */
export function prepareSqliteFile(path: string): void {
  if (path === ':memory:') return;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', FILE_MODE));
  restrictSqliteFiles(path);
}

/** chmod 0600 on the database file and any companion file whose mode is looser. */
export function restrictSqliteFiles(path: string): void {
  if (path === ':memory:') return;
  for (const file of [path, ...COMPANIONS.map((suffix) => `${path}${suffix}`)]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, FILE_MODE);
  }
}
