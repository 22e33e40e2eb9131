import type { ActivationResult } from '../integrations/activation.service';
import type { IntegrationView } from '../integrations/integration.service';
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
