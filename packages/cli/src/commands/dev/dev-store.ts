import { callSandboxAdmin } from '../sandbox/sandbox-admin-api';
import { INTEGRATION_ACTIVE, readCallbackRefusal, type HandshakeResult } from '../sandbox/sandbox-handshake';
import type { DevSandbox, DevAppUrls } from './dev-processes';
import { DevStepError } from './dev-step-error';

const STEP = 'activate the store';

interface SandboxIntegration {
  id: number;
  name: string;
  endpoint: string | null;
  identity_link_url: string | null;
  status: number;
  consumer_key: string | null;
}

/** A store as the app's admin API lists it (the fields read here). */
interface AppStore {
  consumerKey: string;
  storeBaseUrl: string;
  status: string;
  statusCode: string | null;
  statusReason: string | null;
  statusHint: string | null;
}

/** The app side of {@link ensureActiveStore}: its URLs and an API token for its admin API. */
export interface DevAppAccess {
  urls: DevAppUrls;
  apiToken: string;
}

/** What {@link ensureActiveStore} did. */
export interface ActiveStore {
  consumerKey: string;
  status: string;
  /** `reused`: already active; `activated`/`reauthorized`: the handshake ran now. */
  how: 'reused' | 'activated' | 'reauthorized';
}

/**
 * Makes the sandbox store active in the app: finds the sandbox integration by name (or creates it
 * with the app's Callback and Identity link URLs and resources), and when the app does not hold it
 * as an active store of this sandbox, clicks Activate (Reauthorize when the sandbox has it active),
 * then waits until the app's admin API shows the store active.
 */
export async function ensureActiveStore(
  sandbox: DevSandbox,
  app: DevAppAccess,
  options: { name: string; resources: 'all' | string[]; timeoutMs: number; log: (line: string) => void },
): Promise<ActiveStore> {
  const admin = <T>(method: string, path: string, body?: unknown) =>
    callSandboxAdmin<T>(sandbox.url, sandbox.adminToken, method, path, body);
  let integration = (await admin<SandboxIntegration[]>('GET', '/integrations')).find(
    (candidate) => candidate.name === options.name,
  );
  if (integration?.consumer_key) {
    const store = await findAppStore(app, integration.consumer_key);
    if (store?.status === 'active' && store.storeBaseUrl === sandbox.url) {
      options.log(
        `store ${integration.consumer_key} is active in the app (sandbox integration "${options.name}", id ${integration.id}): reused`,
      );
      return { consumerKey: integration.consumer_key, status: store.status, how: 'reused' };
    }
    if (integration.endpoint !== app.urls.callback || integration.identity_link_url !== app.urls.identityLink) {
      options.log(
        `sandbox integration "${options.name}" points at other URLs (${integration.endpoint}): deleting it and creating it again`,
      );
      await admin('DELETE', `/integrations/${integration.id}`);
      integration = undefined;
    }
  }
  if (!integration) {
    integration = await admin<SandboxIntegration>('POST', '/integrations', {
      name: options.name,
      endpoint_url: app.urls.callback,
      identity_link_url: app.urls.identityLink,
      resources: options.resources,
    });
    options.log(
      `created sandbox integration "${options.name}" (id ${integration.id}, resources: ${options.resources === 'all' ? 'all' : options.resources.join(', ') || 'none'})`,
    );
  }
  const verb = integration.status === INTEGRATION_ACTIVE ? 'reauthorize' : 'activate';
  options.log(
    `${verb === 'activate' ? 'Activate' : 'Reauthorize'}: the sandbox POSTs the credentials to ${app.urls.callback}`,
  );
  const result = await admin<HandshakeResult>('POST', `/integrations/${integration.id}/${verb}`);
  const refusal = readCallbackRefusal(result.endpoint_status, result.endpoint_body);
  if (refusal)
    throw new DevStepError(STEP, `${refusal.message}${refusal.code ? ` [${refusal.code}]` : ''}`, refusal.hint);
  const store = await waitForSettledStore(app, result.oauth_consumer_key, options.timeoutMs);
  return {
    consumerKey: result.oauth_consumer_key,
    status: store.status,
    how: verb === 'activate' ? 'activated' : 'reauthorized',
  };
}

/** The app's store of a consumer key (admin API `GET /api/stores?search=`), or undefined. */
export async function findAppStore(app: DevAppAccess, consumerKey: string): Promise<AppStore | undefined> {
  const response = await fetch(`${app.urls.publicUrl}/api/stores?search=${encodeURIComponent(consumerKey)}`, {
    headers: { authorization: `Bearer ${app.apiToken}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok)
    throw new DevStepError(
      STEP,
      `the app's admin API answered HTTP ${response.status} to GET /api/stores.`,
      'The API token was refused or the app is not the magekit integration service; see [app] lines above.',
    );
  const page = (await response.json()) as { items: AppStore[] };
  return page.items.find((store) => store.consumerKey === consumerKey);
}

async function waitForSettledStore(app: DevAppAccess, consumerKey: string, timeoutMs: number): Promise<AppStore> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const store = await findAppStore(app, consumerKey);
    if (store?.status === 'active') return store;
    if (store && store.status !== 'activating') {
      throw new DevStepError(
        STEP,
        `the app has the store ${store.status}${store.statusCode ? ` [${store.statusCode}]` : ''}: ${store.statusReason ?? 'no reason given'}`,
        store.statusHint ?? "See the store's timeline in the dashboard and the [app] lines above.",
      );
    }
    if (Date.now() >= deadline) {
      throw new DevStepError(
        STEP,
        `the store did not become active in the app within ${Math.round(timeoutMs / 1000)} s (${store ? `still ${store.status}` : 'no store for the callback yet'}).`,
        'See the [app] and [sandbox] lines above; a longer --timeout helps a slow machine.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
