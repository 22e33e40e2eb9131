/**
 * The sandbox store in its own process (bench/activations). It times every callback POST as
 * Magento's `postToConsumer()` sees it (send to answer, 5 s timeout) and answers requests from the
 * bench over IPC: `create` (integrations pointing at an endpoint), `timings` (and forget them).
 */
import 'reflect-metadata';
import { startSandbox } from '@magekit/sandbox/testing';
import type { ChildMessage } from './child-process';

/** One callback POST: the consumer key it carried, how long Magento waited, and how it ended. */
export interface CallbackSample {
  consumerKey: string;
  ms: number;
  /** HTTP status, or null when the POST failed in transport (Magento's "attempt to post data … failed"). */
  status: number | null;
  error: string | null;
}

const samples: CallbackSample[] = [];

const timedFetch: typeof fetch = async (input, init) => {
  if (init?.method !== 'POST') return fetch(input, init);
  const consumerKey = new URLSearchParams(String(init.body ?? '')).get('oauth_consumer_key') ?? '';
  const started = performance.now();
  try {
    const response = await fetch(input, init);
    const body = await response.arrayBuffer();
    samples.push({ consumerKey, ms: performance.now() - started, status: response.status, error: null });
    return new Response(body, { status: response.status, headers: response.headers });
  } catch (error) {
    const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    samples.push({ consumerKey, ms: performance.now() - started, status: null, error: name });
    throw error;
  }
};

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ seed: false, fetch: timedFetch }, { host: '127.0.0.1' });
  process.on('message', (message: ChildMessage) => {
    if (message.type === 'create') {
      void createIntegrations(message).then(
        (integrations) => send({ type: 'create:done', integrations }),
        (error: unknown) => send({ type: 'error', message: String(error) }),
      );
    } else if (message.type === 'timings') {
      send({ type: 'timings:done', samples: samples.splice(0) });
    }
  });
  async function createIntegrations(message: ChildMessage): Promise<Array<{ id: number; consumerKey: string }>> {
    const count = Number(message['count']);
    const created: Array<{ id: number; consumerKey: string }> = [];
    // A few at a time: creating integrations is setup, not the measured part.
    for (let first = 0; first < count; first += 20) {
      const batch = Array.from({ length: Math.min(20, count - first) }, (_, i) =>
        sandbox.admin.createIntegration({
          name: `${String(message['prefix'])}-${first + i}`,
          endpointUrl: String(message['endpointUrl']),
          identityLinkUrl: String(message['identityLinkUrl']),
          resources: 'all',
        }),
      );
      for (const integration of await Promise.all(batch))
        created.push({ id: integration.id, consumerKey: integration.consumer_key as string });
    }
    return created;
  }
  send({ type: 'ready', url: sandbox.baseUrl, adminToken: sandbox.adminToken });
  process.once('SIGTERM', () => void sandbox.close().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
