import type { ImsCredentialSeed, SaasOptions, SandboxEdition } from './saas-options';

/** Where a SaaS-edition sandbox answers, and its default credential. */
export interface SaasEndpoints {
  tenantId: string;
  /** The REST base a client is given: `<origin>/<tenant id>/` (paths `V1/…` follow). */
  restBaseUrl: string;
  /** The IMS token endpoint, `<origin>/ims/token/v3`. */
  tokenUrl: string;
  /** The origin, which is what a client's `tokenUrl` option may be given. */
  imsOrigin: string;
  /** The credential created at start. */
  credential: ImsCredentialSeed;
  /** `expires_in` of tokens of credentials that set none, in seconds. */
  tokenLifetimeSeconds: number;
}

/** What `GET /sandbox/admin/edition` answers. */
export interface EditionView {
  edition: SandboxEdition;
  /** Where `V1/…` paths go: `<base>rest/` (PaaS) or the tenant's REST base (SaaS). */
  restBaseUrl: string;
  saas: SaasEndpoints | null;
}

/** The SaaS endpoints of a sandbox listening on `baseUrl` (with a trailing slash). Pure. */
export function describeSaasEndpoints(baseUrl: string, saas: SaasOptions): SaasEndpoints {
  return {
    tenantId: saas.tenantId,
    restBaseUrl: `${baseUrl}${saas.tenantId}/`,
    tokenUrl: `${baseUrl}ims/token/v3`,
    imsOrigin: new URL(baseUrl).origin,
    credential: { ...saas.credential },
    tokenLifetimeSeconds: saas.tokenLifetimeSeconds,
  };
}

/** The edition view of a sandbox. Pure. */
export function describeEdition(baseUrl: string, edition: SandboxEdition, saas: SaasOptions): EditionView {
  if (edition !== 'saas') return { edition, restBaseUrl: `${baseUrl}rest/`, saas: null };
  const endpoints = describeSaasEndpoints(baseUrl, saas);
  return { edition, restBaseUrl: endpoints.restBaseUrl, saas: endpoints };
}

/** What `createImsAuth` of @magekit/client takes to get tokens from the sandbox. */
export interface SandboxImsAuthOptions {
  clientId: string;
  clientSecret: string;
  orgId: string;
  /** The sandbox's origin (the client appends `/ims/token/v3`). */
  tokenUrl: string;
}

/**
 * `createImsAuth` options for a credential of the sandbox (default: the one created at start), e.g.
 * `createImsAuth(imsAuthOptions(sandbox.saas, await sandbox.admin.createImsCredential()))`. Pure.
 */
export function imsAuthOptions(
  endpoints: SaasEndpoints,
  credential: ImsCredentialSeed = endpoints.credential,
): SandboxImsAuthOptions {
  return {
    clientId: credential.clientId,
    clientSecret: credential.clientSecret,
    orgId: credential.orgId,
    tokenUrl: endpoints.imsOrigin,
  };
}
