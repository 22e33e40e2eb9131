import { CliError } from '../../cli-error';

/**
 * `--edition`: one of the editions the installed sandbox has (`@magekit/sandbox/launcher`'s
 * `SANDBOX_EDITIONS`), else a typed error listing them.
 */
export function readEditionOption(raw: string, supported: readonly string[]): string {
  if (supported.includes(raw)) return raw;
  throw new CliError(
    `--edition must be one of ${supported.join(', ')} (got ${JSON.stringify(raw)}).`,
    'INVALID_INPUT',
    {
      hint: 'paas is Magento Open Source / Adobe Commerce (OAuth integrations, /rest/…); saas is Adobe Commerce as a Cloud Service (IMS tokens, /<tenant>/V1/…).',
    },
  );
}
