/**
 * The Magento releases the sandbox can behave as (`magekit sandbox start --magento`,
 * `SANDBOX_MAGENTO_VERSION`, `createSandboxApp({ magentoVersion })`). This file imports nothing, so the
 * `./launcher` entry can offer the list without loading the sandbox.
 */
export const MAGENTO_VERSIONS = ['2.4.6-p1', '2.4.7', '2.4.8'] as const;

/** One of {@link MAGENTO_VERSIONS}. */
export type MagentoVersion = (typeof MAGENTO_VERSIONS)[number];

/** The newest profile: what the sandbox is unless told otherwise. */
export const DEFAULT_MAGENTO_VERSION: MagentoVersion = '2.4.8';

/** The response header naming the sandbox's exact profile, on every answer (Magento itself sends none). */
export const SANDBOX_VERSION_HEADER = 'X-Magekit-Sandbox-Version';

export function isMagentoVersion(value: unknown): value is MagentoVersion {
  return typeof value === 'string' && (MAGENTO_VERSIONS as readonly string[]).includes(value);
}

/** The message for a version the sandbox has no profile of. */
export function describeUnknownVersion(value: unknown): string {
  return `Unknown Magento version ${JSON.stringify(value)}: the sandbox has profiles of ${MAGENTO_VERSIONS.join(', ')} (default ${DEFAULT_MAGENTO_VERSION}).`;
}
