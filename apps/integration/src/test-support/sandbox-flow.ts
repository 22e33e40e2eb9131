import type { HandshakeActivation, IntegrationView, RunningSandbox } from '@magekit/sandbox/testing';
import { waitFor, type TestService } from './test-service';

/** A store as the admin API lists it (the fields the tests read). */
export interface ApiStore {
  id: string;
  consumerKey: string;
  storeBaseUrl: string;
  status: 'activating' | 'active' | 'failed' | 'needs_reauth' | 'revoked';
  statusCode: string | null;
  statusReason: string | null;
  statusHint: string | null;
  hasAccessToken: boolean;
  vendorAccount: { id: string; email: string; name: string } | null;
  facts: { storeViews: Array<{ code: string }>; baseUrls: string[] } | null;
  lastProbedAt: string | null;
}

let counter = 0;

/** Creates a sandbox integration whose Callback URL and Identity link point at the service. */
export async function createIntegration(
  sandbox: RunningSandbox,
  service: TestService,
  name = 'app',
): Promise<IntegrationView & { consumer_key: string }> {
  counter += 1;
  const created = await sandbox.admin.createIntegration({
    name: `${name}-${process.pid}-${counter}`,
    endpointUrl: service.urls.callback,
    identityLinkUrl: service.urls.identityLink,
    resources: 'all',
  });
  return created as IntegrationView & { consumer_key: string };
}

/** Clicks Activate (or Reauthorize) in the sandbox admin: the sandbox POSTs the callback to the service. */
export async function activate(
  sandbox: RunningSandbox,
  integrationId: number,
  reauthorize = false,
): Promise<HandshakeActivation> {
  const result = reauthorize
    ? await sandbox.admin.reauthorize(integrationId)
    : await sandbox.admin.activate(integrationId);
  if (result.mode !== 'handshake') throw new Error(`expected the handshake flow, got ${result.mode}`);
  return result;
}

/** The stores of a consumer key, through the admin API. */
export async function storesOf(service: TestService, consumerKey: string): Promise<ApiStore[]> {
  const answer = await service.api<{ items: ApiStore[]; total: number }>(`/api/stores?search=${consumerKey}`);
  if (answer.status !== 200) throw new Error(`GET /api/stores answered ${answer.status}`);
  return answer.body.items.filter((store) => store.consumerKey === consumerKey);
}

/** Waits until the consumer's store has left `activating` (and matches `accept`, when given). */
export function settledStore(
  service: TestService,
  consumerKey: string,
  accept: (store: ApiStore) => boolean = () => true,
): Promise<ApiStore> {
  return waitFor(`the store of ${consumerKey} to settle`, async () => {
    const [store] = await storesOf(service, consumerKey);
    return store && store.status !== 'activating' && accept(store) ? store : undefined;
  });
}
