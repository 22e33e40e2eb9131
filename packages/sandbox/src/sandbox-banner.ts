import { STOCK_RELEASE } from '@magekit/acl';
import type { SignatureProfile } from '@magekit/oauth1';
import { formatSaasBannerLines } from './saas/saas-banner';
import type { SaasEndpoints } from './saas/saas-endpoints';
import { MAGENTO_VERSIONS, SANDBOX_VERSION_HEADER } from './version/magento-versions';
import { MAGENTO_VERSION_ANSWER, type VersionProfile } from './version/version-profile';

/** What `magekit sandbox start` prints once the store listens. */
export interface SandboxBannerInput {
  url: string;
  adminToken: string;
  adminUser: string;
  adminPassword: string;
  customerPassword: string;
  /** Where the route table and ACL tree come from (`MagentoModel.source`). */
  modelSource: string;
  /** The Magento version profile the store runs as (its signature profile, page sizes and locks). */
  profile: VersionProfile;
  dataDir: string;
  /** The SaaS edition's endpoints and credential; absent for the PaaS edition. */
  saas?: SaasEndpoints;
}

/** The Magento releases whose OAuth signature code each profile follows. */
export const SIGNATURE_PROFILE_RELEASES: Readonly<Record<SignatureProfile, string>> = {
  latest: 'Magento 2.4.7+ / 2.4-develop',
  laminas: 'Magento 2.4.4–2.4.6',
};

/**
 * The sandbox's start banner: the version profile and what it implies (signature profile, page sizes,
 * sign-in locks), and where routes and ACL come from, which is the bundled stock table (Magento Open
 * Source 2.4.6-p1) for every profile, or `SANDBOX_MAGENTO_XML_DIR`. The SaaS edition shows its REST base,
 * IMS token endpoint and credential instead of REST, OAuth and the token users, and no OAuth signatures
 * or sign-in locks, which it does not have.
 */
export function formatSandboxBanner(input: SandboxBannerInput): string {
  const { url, profile } = input;
  const routes =
    input.modelSource === STOCK_RELEASE
      ? `${STOCK_RELEASE} (the bundled stock route table and ACL tree, for every --magento version; SANDBOX_MAGENTO_XML_DIR for another release's)`
      : input.modelSource;
  const signature = profile.signatureProfile;
  const other: SignatureProfile = signature === 'latest' ? 'laminas' : 'latest';
  const saas = input.saas;
  return [
    `magekit sandbox store listening on ${url}`,
    `  admin page:        ${url}admin   (admin token: ${input.adminToken})`,
    `  admin API:         ${url}sandbox/admin/integrations   (Authorization: Bearer <admin token>)`,
    ...(saas !== undefined
      ? formatSaasBannerLines(url, saas)
      : [
          `  REST:              ${url}rest/V1/…   OAuth: ${url}oauth/token/request, ${url}oauth/token/access`,
          `  admin user:        ${input.adminUser} / ${input.adminPassword}   customers: customer1@example.com … / ${input.customerPassword}`,
        ]),
    `  magento:           ${profile.version} profile (--magento ${MAGENTO_VERSIONS.join('|')}); every answer carries ${SANDBOX_VERSION_HEADER}: ${profile.version}; ${url}magento_version answers "${MAGENTO_VERSION_ANSWER}"`,
    `  routes and ACL:    ${routes}`,
    ...(saas !== undefined
      ? []
      : [
          `  signatures:        "${signature}" profile for every store (${SIGNATURE_PROFILE_RELEASES[signature]}); "${other}" (${SIGNATURE_PROFILE_RELEASES[other]}) per store: PUT ${url}sandbox/admin/stores/<code>/settings {"signatureProfile":"${other}"}`,
        ]),
    `  searches:          ${describePageSizes(profile)}`,
    ...(saas !== undefined ? [] : [`  sign-in locks:     ${describeLocks(profile)}`]),
    `  data:              ${input.dataDir}`,
  ].join('\n');
}

function describePageSizes(profile: VersionProfile): string {
  const fallback =
    profile.defaultPageSize === null
      ? 'no default pageSize (every row, as a stock store with Web API input limits off)'
      : `pageSize ${profile.defaultPageSize} when none is given`;
  return `${fallback}; pageSize above ${profile.maxPageSize} refused (store setting maxPageSize, 0 for no limit)`;
}

function describeLocks(profile: VersionProfile): string {
  const token = profile.tokenLockout;
  const customer = profile.customerLockout;
  return `${token.maxFailures} failed token requests lock a user name for ${token.seconds} s (lockoutMaxFailures); ${customer.failures} wrong passwords lock a customer for ${customer.minutes} min (customerLockoutFailures)`;
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
