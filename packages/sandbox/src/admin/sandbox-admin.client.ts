import type { ActivationResult } from '../integrations/activation.service';
import type { IntegrationView } from '../integrations/integration.service';
import type { ImsCredentialInput, ImsCredentialPatch } from '../saas/ims-credential-input';
import type { ImsCredentialView } from '../saas/ims-credentials.service';
import type { EditionView } from '../saas/saas-endpoints';
import type { GlobalSettings, StoreSettings } from '../settings/store-settings';
import type { ActivityEvent } from './activity-log.service';
import type { PermissionsDialogView } from './permissions-dialog';

/** What {@link SandboxAdminClient.createIntegration} sends. */
export interface CreateIntegrationInput {
  name: string;
  email?: string;
  endpointUrl?: string;
  identityLinkUrl?: string;
  /** `'all'` or ACL resource ids (default none). */
  resources?: 'all' | string[];
}

/**
 * A refused admin API call: `status` and the parsed `body` (a failed callback POST is 502 with
 * `{outcome: 'consumer_post_failed', message, integration_id, status, reason}`).
 */
export class SandboxAdminError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'SandboxAdminError';
  }
}

/** A typed client of the sandbox admin API (`/sandbox/admin`), for tests and the CLI. */
export class SandboxAdminClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  createIntegration(input: CreateIntegrationInput): Promise<IntegrationView> {
    return this.call('POST', '/integrations', {
      name: input.name,
      email: input.email,
      endpoint_url: input.endpointUrl,
      identity_link_url: input.identityLinkUrl,
      resources: input.resources ?? [],
    });
  }

  listIntegrations(): Promise<IntegrationView[]> {
    return this.call('GET', '/integrations');
  }

  getIntegration(id: number): Promise<IntegrationView> {
    return this.call('GET', `/integrations/${id}`);
  }

  /** The activation dialog's content: requested resources with their ACL titles (`PermissionsDialog`). */
  getPermissions(id: number): Promise<PermissionsDialogView> {
    return this.call('GET', `/integrations/${id}/permissions`);
  }

  activate(id: number): Promise<ActivationResult> {
    return this.call('POST', `/integrations/${id}/activate`);
  }

  reauthorize(id: number): Promise<ActivationResult> {
    return this.call('POST', `/integrations/${id}/reauthorize`);
  }

  deleteIntegration(id: number): Promise<void> {
    return this.call('DELETE', `/integrations/${id}`);
  }

  updateStoreSettings(code: string, patch: Partial<StoreSettings>): Promise<StoreSettings> {
    return this.call('PUT', `/stores/${encodeURIComponent(code)}/settings`, patch);
  }

  updateSettings(patch: Partial<GlobalSettings>): Promise<GlobalSettings> {
    return this.call('PUT', '/settings', patch);
  }

  listActivity(integrationId?: number): Promise<ActivityEvent[]> {
    return this.call('GET', integrationId === undefined ? '/activity' : `/activity?integration=${integrationId}`);
  }

  /** Which product the store behaves as (`paas` or `saas`) and where it answers. */
  getEdition(): Promise<EditionView> {
    return this.call('GET', '/edition');
  }

  /** SaaS edition: a new OAuth Server-to-Server credential (every field has a default; resources default `all`). */
  createImsCredential(input: ImsCredentialInput = {}): Promise<ImsCredentialView> {
    return this.call('POST', '/ims/credentials', input);
  }

  listImsCredentials(): Promise<ImsCredentialView[]> {
    return this.call('GET', '/ims/credentials');
  }

  getImsCredential(clientId: string): Promise<ImsCredentialView> {
    return this.call('GET', `/ims/credentials/${encodeURIComponent(clientId)}`);
  }

  /** Changes name, organization, scopes, ACL resources or token lifetime. */
  updateImsCredential(clientId: string, patch: ImsCredentialPatch): Promise<ImsCredentialView> {
    return this.call('PUT', `/ims/credentials/${encodeURIComponent(clientId)}`, patch);
  }

  /** A new client secret; the old one is refused from now on. */
  rotateImsSecret(clientId: string): Promise<ImsCredentialView> {
    return this.call('POST', `/ims/credentials/${encodeURIComponent(clientId)}/secret`);
  }

  /** Revokes every token the credential was issued; resolves with how many were still valid. */
  async revokeImsTokens(clientId: string): Promise<number> {
    const answer = await this.call<{ revoked: number }>(
      'POST',
      `/ims/credentials/${encodeURIComponent(clientId)}/revoke`,
    );
    return answer.revoked;
  }

  /** Revokes one access token; false when the sandbox never issued it. */
  async revokeImsToken(accessToken: string): Promise<boolean> {
    return (await this.call<{ revoked: number }>('POST', '/ims/tokens/revoke', { accessToken })).revoked === 1;
  }

  deleteImsCredential(clientId: string): Promise<void> {
    return this.call('DELETE', `/ims/credentials/${encodeURIComponent(clientId)}`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.fetchFn(new URL(`sandbox/admin${path}`, this.baseUrl), {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const data = text === '' ? undefined : JSON.parse(text);
    if (!response.ok) {
      throw new SandboxAdminError(
        `Sandbox admin API ${method} ${path}: HTTP ${response.status} ${(data as { message?: string } | undefined)?.message ?? text}`,
        response.status,
        data,
      );
    }
    return data as T;
  }
}
