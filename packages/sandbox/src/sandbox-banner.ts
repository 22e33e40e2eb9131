import { STOCK_RELEASE } from '@magekit/acl';
import type { SignatureProfile } from '@magekit/oauth1';

/** What `magekit sandbox start` prints once the store listens. */
export interface SandboxBannerInput {
  url: string;
  adminToken: string;
  adminUser: string;
  adminPassword: string;
  customerPassword: string;
  /** Where the route table and ACL tree come from (`MagentoModel.source`). */
  modelSource: string;
  /** The signature profile stores start with (`DEFAULT_STORE_SETTINGS.signatureProfile`). */
  signatureProfile: SignatureProfile;
  dataDir: string;
}

/** The Magento releases whose OAuth signature code each profile follows. */
export const SIGNATURE_PROFILE_RELEASES: Readonly<Record<SignatureProfile, string>> = {
  latest: 'Magento 2.4.8+ / 2.4-develop',
  laminas: 'Magento 2.4.4–2.4.6',
};

/**
 * The sandbox's start banner. It says which release each half of the store follows, since they
 * differ: routes and ACL come from the bundled stock table (Magento Open Source 2.4.6-p1) or
 * `SANDBOX_MAGENTO_XML_DIR`, while stores verify signatures with the `latest` profile (2.4.8+) unless
 * switched to `laminas` (2.4.4–2.4.6) per store.
 */
export function formatSandboxBanner(input: SandboxBannerInput): string {
  const { url } = input;
  const routes =
    input.modelSource === STOCK_RELEASE
      ? `${STOCK_RELEASE} (the bundled stock route table and ACL tree; SANDBOX_MAGENTO_XML_DIR for another release's)`
      : input.modelSource;
  const other: SignatureProfile = input.signatureProfile === 'latest' ? 'laminas' : 'latest';
  return [
    `magekit sandbox store listening on ${url}`,
    `  admin page:        ${url}admin   (admin token: ${input.adminToken})`,
    `  admin API:         ${url}sandbox/admin/integrations   (Authorization: Bearer <admin token>)`,
    `  REST:              ${url}rest/V1/…   OAuth: ${url}oauth/token/request, ${url}oauth/token/access`,
    `  admin user:        ${input.adminUser} / ${input.adminPassword}   customers: customer1@example.com … / ${input.customerPassword}`,
    `  routes and ACL:    ${routes}`,
    `  signatures:        "${input.signatureProfile}" profile for every store (${SIGNATURE_PROFILE_RELEASES[input.signatureProfile]}); "${other}" (${SIGNATURE_PROFILE_RELEASES[other]}) per store: PUT ${url}sandbox/admin/stores/<code>/settings {"signatureProfile":"${other}"}`,
    `  data:              ${input.dataDir}`,
  ].join('\n');
}

/**
 * The message for a sandbox that could not start: a port that is taken names the port and how to
 * choose another; anything else is its own message.
 */
export function describeStartError(error: unknown, listen: { port: number; host: string }): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const other = listen.port >= 65535 ? listen.port - 1 : listen.port + 1;
    const why =
      code === 'EADDRINUSE'
        ? 'is already in use (another sandbox or service listens there)'
        : 'may not be used by this user';
    return `Cannot listen on port ${listen.port} (${listen.host}): it ${why}. Start the sandbox on another port: npx magekit sandbox start --port ${other} (SANDBOX_PORT=${other} for node apps/sandbox/dist/main.js), or --port 0 for any free one.`;
  }
  return error instanceof Error ? error.message : String(error);
}
