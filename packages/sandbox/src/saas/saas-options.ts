/**
 * Which product the sandbox behaves as: `paas` is Magento's own web API (Magento Open Source, Adobe
 * Commerce on premises and on cloud infrastructure); `saas` is Adobe Commerce as a Cloud Service
 * (docs/magento-behaviour.md §11): IMS tokens, tenant paths, the SaaS endpoint set.
 */
export type SandboxEdition = 'paas' | 'saas';

export const SANDBOX_EDITIONS: readonly SandboxEdition[] = ['paas', 'saas'];

/** Injection token of the resolved {@link SaasOptions}. */
export const SAAS_OPTIONS = Symbol('SAAS_OPTIONS');

/** An OAuth Server-to-Server credential as Developer Console shows it. */
export interface ImsCredentialSeed {
  clientId: string;
  clientSecret: string;
  /** IMS organization id (`…@AdobeOrg`). */
  orgId: string;
}

/** How the SaaS edition runs (every field has a default). */
export interface SaasOptions {
  /** The tenant (instance) id: REST paths are `/<tenant id>/V1/…`. */
  tenantId: string;
  /** `expires_in` of new IMS tokens, in seconds (IMS's is 86399); a credential may set its own. */
  tokenLifetimeSeconds: number;
  /** The credential created at start (printed in the banner). */
  credential: ImsCredentialSeed;
}

/** What callers may give: any subset. */
export type SaasInput = Partial<Omit<SaasOptions, 'credential'>> & { credential?: Partial<ImsCredentialSeed> };

export const DEFAULT_TENANT_ID = 'sandbox-tenant';
export const DEFAULT_IMS_CREDENTIAL: Readonly<ImsCredentialSeed> = Object.freeze({
  clientId: 'magekit-sandbox-ims-client',
  clientSecret: 'p8e-magekit-sandbox-ims-secret',
  orgId: 'MAGEKITSANDBOX0000000001@AdobeOrg',
});
/** IMS's `expires_in` for a server-to-server token (docs/magento-behaviour.md §11.2). */
export const IMS_TOKEN_LIFETIME_SECONDS = 86399;
/** The longest lifetime the sandbox gives (a week), so that a typo does not make tokens immortal. */
export const MAX_TOKEN_LIFETIME_SECONDS = 7 * 86400;

/** The scopes Adobe lists for the SaaS REST API (docs/magento-behaviour.md §11.2): what a credential may ask for by default. */
export const IMS_COMMERCE_SCOPES: readonly string[] = Object.freeze([
  'AdobeID',
  'openid',
  'email',
  'profile',
  'additional_info.roles',
  'additional_info.projectedProductContext',
  'commerce.accs',
]);

/** The scope a token needs for the Commerce REST API. */
export const COMMERCE_SCOPE = 'commerce.accs';

/** Path segments the sandbox serves itself: a tenant id may not be one of them. */
const RESERVED_SEGMENTS = ['rest', 'index.php', 'ims', 'sandbox', 'admin', 'oauth', 'magento_version'];
const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Printable ASCII without spaces: safe in a header and a form field. */
const TOKEN_TEXT = /^[\x21-\x7e]{1,255}$/;

/**
 * Fills the SaaS defaults and checks them.
 * @throws Error naming every bad value in one message (never a secret's value)
 */
export function resolveSaasOptions(input: SaasInput = {}): SaasOptions {
  const problems: string[] = [];
  const tenantId = input.tenantId ?? DEFAULT_TENANT_ID;
  problems.push(...checkTenantId(tenantId));
  const tokenLifetimeSeconds = input.tokenLifetimeSeconds ?? IMS_TOKEN_LIFETIME_SECONDS;
  problems.push(...checkTokenLifetime(tokenLifetimeSeconds, 'tokenLifetimeSeconds'));
  const credential = { ...DEFAULT_IMS_CREDENTIAL, ...input.credential };
  for (const name of ['clientId', 'clientSecret', 'orgId'] as const)
    if (!TOKEN_TEXT.test(String(credential[name])))
      problems.push(`credential.${name} must be 1 to 255 printable characters without spaces`);
  if (problems.length > 0) throw new Error(`Invalid SaaS edition options: ${problems.join('; ')}.`);
  return { tenantId, tokenLifetimeSeconds, credential };
}

/** Problems of a tenant id (empty when it is usable). */
export function checkTenantId(tenantId: unknown): string[] {
  if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId))
    return [`tenantId must be 1 to 64 letters, digits, "-" or "_" (got ${JSON.stringify(tenantId)})`];
  if (/^V\d+$/i.test(tenantId) || RESERVED_SEGMENTS.includes(tenantId.toLowerCase()))
    return [`tenantId ${JSON.stringify(tenantId)} is a path the sandbox serves itself; choose another`];
  return [];
}

/** Problems of a token lifetime in seconds (empty when it is usable). */
export function checkTokenLifetime(value: unknown, name: string): string[] {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_TOKEN_LIFETIME_SECONDS
    ? []
    : [`${name} must be an integer from 1 to ${MAX_TOKEN_LIFETIME_SECONDS} seconds (got ${JSON.stringify(value)})`];
}
