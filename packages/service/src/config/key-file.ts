import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { findKeyRingProblems, type KeyRingConfig } from '@magekit/nest';
import { IntegrationServiceError } from '../service-error';
import type { KeySource } from './service-config';

/** What {@link loadKeys} found or did. */
export interface LoadedKeys {
  keys: KeyRingConfig;
  /** `env`, an existing key file, or a key file created now (first start). */
  origin: 'env' | 'file' | 'created';
  path: string | null;
  /** Set when the key file is readable by group or others. */
  warning: string | null;
}

/**
 * Returns the encryption keys: from the environment, from `keys.json`, or (first start outside
 * production) a new 32-byte key written to `keys.json` with mode 0600.
 *
 * @throws IntegrationServiceError `KEY_FILE` when the file is missing in production, unreadable or malformed.
 */
export function loadKeys(source: KeySource, randomBytes: (size: number) => Buffer = cryptoRandomBytes): LoadedKeys {
  if (source.kind === 'env') return { keys: source.keys, origin: 'env', path: null, warning: null };
  if (existsSync(source.path)) return readKeyFile(source.path);
  if (!source.mayCreate) {
    throw new IntegrationServiceError(
      `No encryption key: MAGEKIT_ENCRYPTION_KEYS is unset and ${source.path} does not exist.`,
      'KEY_FILE',
      {
        hint: 'Set MAGEKIT_ENCRYPTION_KEYS=k1:$(openssl rand -base64 32) (keys are only generated outside production).',
      },
    );
  }
  const keys: KeyRingConfig = { activeKeyId: 'k1', keys: { k1: randomBytes(32).toString('base64') } };
  try {
    mkdirSync(dirname(source.path), { recursive: true });
    writeFileSync(source.path, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(source.path, 0o600);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(source.path);
    throw new IntegrationServiceError(
      `Cannot write the key file ${source.path}: ${(cause as Error).message}`,
      'KEY_FILE',
      { cause, hint: 'Make DATA_DIR writable, or set MAGEKIT_ENCRYPTION_KEYS.' },
    );
  }
  return { keys, origin: 'created', path: source.path, warning: null };
}

function readKeyFile(path: string): LoadedKeys {
  let keys: KeyRingConfig;
  try {
    keys = JSON.parse(readFileSync(path, 'utf8')) as KeyRingConfig;
  } catch (cause) {
    throw new IntegrationServiceError(`Cannot read the key file ${path}: ${(cause as Error).message}`, 'KEY_FILE', {
      cause,
      hint: 'Restore it from your backup: without it the stored secrets cannot be decrypted.',
    });
  }
  const problems = findKeyRingProblems(keys, 'keys.json');
  if (problems.length > 0)
    throw new IntegrationServiceError(`The key file ${path} is invalid: ${problems.join('; ')}.`, 'KEY_FILE');
  const mode = statSync(path).mode & 0o777;
  const warning =
    mode & 0o077 ? `The key file ${path} is readable by others (mode ${mode.toString(8)}): chmod 600 it.` : null;
  return { keys, origin: 'file', path, warning };
}
