import { CliError } from '../../cli-error';

/** An integer flag within bounds, else a typed error naming the flag. */
export function readIntegerOption(raw: string, flag: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new CliError(
      `${flag} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)}).`,
      'INVALID_INPUT',
    );
  return value;
}

/** `all` or comma-separated ACL resource ids. */
export function readResourcesOption(raw: string | undefined): 'all' | string[] {
  if (raw === undefined || raw.trim() === '') return [];
  if (raw.trim() === 'all') return 'all';
  return raw
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/**
 * `--magento`: one of the versions the installed sandbox has profiles of (`@magekit/sandbox/launcher`'s
 * `MAGENTO_VERSIONS`), else a typed error listing them.
 */
export function readMagentoVersionOption(raw: string, supported: readonly string[]): string {
  if (supported.includes(raw)) return raw;
  throw new CliError(
    `--magento must be one of ${supported.join(', ')} (got ${JSON.stringify(raw)}).`,
    'INVALID_INPUT',
    {
      hint: 'The sandbox has a profile of each of these Magento releases; without --magento it behaves as the newest.',
    },
  );
}
