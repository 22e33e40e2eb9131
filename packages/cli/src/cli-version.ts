import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The version of @magekit/cli, from its package.json (one folder above both `src` and `dist`), for
 * `magekit --version`.
 */
export function readCliVersion(packageJson: string = join(__dirname, '..', 'package.json')): string {
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
