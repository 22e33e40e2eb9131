import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '@magekit/sandbox/testing';
import { describeIfAvailable, listTestDatabases } from '../test-support/test-databases';
import { assertBuilt, spawnService, type ServiceProcess } from '../test-support/service-process';
import { TEST_KEYS, waitFor } from '../test-support/test-service';

jest.setTimeout(90_000);

interface ApiStore {
  id: string;
  consumerKey: string;
  status: string;
}

const INTEGRATIONS = 5;

for (const database of listTestDatabases().filter((candidate) => candidate.name !== 'SQLite')) {
  describeIfAvailable(database, 'two service processes on one database', () => {
    let db: { url: string | null; drop(): Promise<void> };
    let dir: string;
    let sandbox: RunningSandbox;
    let a: ServiceProcess;
    let b: ServiceProcess;
    /** Where the sandbox's callback POSTs go: each is sent to every target at once (the first answer is returned). */
    let targets: ServiceProcess[] = [];

    const fanOut: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      const sends = targets.map((target) => fetch(`${target.base}${url.pathname}`, { ...init, signal: undefined }));
      const answers = await Promise.allSettled(sends);
      const first = answers.find((answer): answer is PromiseFulfilledResult<Response> => answer.status === 'fulfilled');
      for (const answer of answers)
        if (answer.status === 'fulfilled' && answer !== first) await answer.value.arrayBuffer();
      if (!first) throw new Error('no instance answered');
      return first.value;
    };

    beforeAll(async () => {
      assertBuilt();
      db = await database.create();
      dir = mkdtempSync(join(tmpdir(), 'mk-two-'));
      const env = {
        PORT: '0',
        DATABASE_URL: db.url ?? '',
        MAGEKIT_ENCRYPTION_KEYS: TEST_KEYS,
        STORE_URL_ALLOW_HTTP: 'true',
        STORE_URL_ALLOWED_NETWORKS: '127.0.0.0/8',
        TENANT: 'acme',
        DATA_DIR: dir,
        // Every callback of this suite comes from the sandbox on 127.0.0.1 (10 per instance in the first test alone).
        THROTTLE_CALLBACK_PER_ADDRESS: '100',
      };
      // Both start at once on an empty database: migrations and first-start seeding run under the boot lock.
      const started = await Promise.allSettled([
        startSandbox({ fetch: fanOut }),
        spawnService(env, dir),
        spawnService(env, dir),
      ]);
      // Keep what started, so that afterAll stops it even when the other one failed.
      if (started[0].status === 'fulfilled') sandbox = started[0].value;
      if (started[1].status === 'fulfilled') a = started[1].value;
      if (started[2].status === 'fulfilled') b = started[2].value;
      const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
    });
    afterAll(async () => {
      await a?.stop();
      await b?.stop();
      await sandbox?.close();
      await db?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    function token(): string {
      const banner = [a, b].map((instance) => instance.stdout()).find((text) => text.includes('First start')) ?? '';
      return /API token \(dashboard and \/api\): +(\S+)/.exec(banner)?.[1] ?? '';
    }

    async function stores(instance: ServiceProcess): Promise<ApiStore[]> {
      const response = await fetch(`${instance.base}/api/stores?pageSize=100`, {
        headers: { authorization: `Bearer ${token()}` },
      });
      if (response.status !== 200) throw new Error(`GET /api/stores: ${response.status}`);
      return ((await response.json()) as { items: ApiStore[] }).items;
    }

    it('migrates once and creates the first-start credentials once', async () => {
      const printed = [a, b].filter((instance) => instance.stdout().includes('First start'));
      expect(printed).toHaveLength(1);
      const migrated = [a, b].filter((instance) => instance.logs().some((entry) => entry['msg'] === 'migrations run'));
      expect(migrated).toHaveLength(1);
      for (const instance of [a, b]) expect((await fetch(`${instance.base}/health`)).status).toBe(200);
    });

    it('duplicate, concurrent callbacks on both instances for several integrations: one store row each, all active', async () => {
      targets = [a, b, a, b];
      const created = await Promise.all(
        Array.from({ length: INTEGRATIONS }, (_, index) =>
          sandbox.admin.createIntegration({
            name: `multi-${index}`,
            endpointUrl: `${a.base}/magento/callback/acme`,
            identityLinkUrl: `${a.base}/magento/identity/acme`,
            resources: 'all',
          }),
        ),
      );
      await Promise.all(created.map((integration) => sandbox.admin.activate(integration.id)));
      const keys = created.map((integration) => integration.consumer_key as string).sort();
      const settled = await waitFor(
        'every store to be active',
        async () => {
          const list = (await stores(b)).filter((store) => keys.includes(store.consumerKey));
          return list.length === INTEGRATIONS && list.every((store) => store.status === 'active') ? list : undefined;
        },
        30_000,
      );
      expect(settled.map((store) => store.consumerKey).sort()).toEqual(keys);
      expect((await stores(a)).filter((store) => keys.includes(store.consumerKey))).toHaveLength(INTEGRATIONS);
      for (const store of settled) {
        const response = await fetch(`${a.base}/api/stores/${store.id}/activations`, {
          headers: { authorization: `Bearer ${token()}` },
        });
        const activations = (await response.json()) as Array<{ state: string }>;
        expect(activations.map((activation) => activation.state)).toEqual(['active']);
      }
    });

    it('an instance killed between request token and access token leaves a state that a Reauthorize sent to the other instance completes', async () => {
      const integration = await sandbox.admin.createIntegration({
        name: 'crash',
        endpointUrl: `${a.base}/magento/callback/acme`,
        identityLinkUrl: `${a.base}/magento/identity/acme`,
        resources: 'all',
      });
      const key = integration.consumer_key as string;
      await sandbox.admin.updateStoreSettings('default', { latencyMs: 1500 });
      const survivor = b;
      try {
        targets = [a];
        await sandbox.admin.activate(integration.id);
        // Each store call takes 1.5 s: once the request token is persisted, the access-token call is
        // in flight for that long, and the instance dies in between.
        const pending = await waitFor('the request token to be stored', async () => {
          const store = (await stores(survivor)).find((candidate) => candidate.consumerKey === key);
          if (!store) return undefined;
          const response = await fetch(`${survivor.base}/api/stores/${store.id}/activations`, {
            headers: { authorization: `Bearer ${token()}` },
          });
          const [latest] = (await response.json()) as Array<{ state: string }>;
          return latest?.state === 'request_token' ? store : undefined;
        });
        await a.stop('SIGKILL');
        expect((await stores(survivor)).find((store) => store.consumerKey === key)?.status).toBe('activating');
        targets = [survivor];
        await sandbox.admin.reauthorize(integration.id);
        const active = await waitFor(
          'the store to be active',
          async () => {
            const store = (await stores(survivor)).find((candidate) => candidate.consumerKey === key);
            return store?.status === 'active' ? store : undefined;
          },
          30_000,
        );
        expect(active.id).toBe(pending.id);
        const history = await fetch(`${survivor.base}/api/stores/${active.id}/activations`, {
          headers: { authorization: `Bearer ${token()}` },
        });
        const states = ((await history.json()) as Array<{ state: string; failureCode: string | null }>).map((entry) => [
          entry.state,
          entry.failureCode,
        ]);
        // The interrupted activation was replaced, not left pending.
        expect(states).toEqual([
          ['active', null],
          ['failed', 'SUPERSEDED'],
        ]);
        expect((await stores(survivor)).filter((store) => store.consumerKey === key)).toHaveLength(1);
        expect((await sandbox.admin.getIntegration(integration.id)).status).toBe(1);
      } finally {
        await sandbox.admin.updateStoreSettings('default', { latencyMs: 0 });
      }
    });
  });
}
