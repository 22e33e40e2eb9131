import type { FetchLike } from '@magekit/client';
import { startFakeMagento, type FakeMagentoOptions, type FakeMagentoServer } from '@magekit/client/testing';
import { CallFailureRecorder } from '../admin/call-failure-recorder.service';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { SecretBox } from '../crypto/secret-box';
import { StoreEntity } from '../entities';
import { callbackForm, startE2eApp, storeConfigs, type E2eApp } from '../test-support/e2e-app';
import { MAGEKIT_CONFIG, MAGEKIT_FETCH } from '../tokens';
import { StoreClientFactory } from './store-client.factory';
import { StoreClientRegistry } from './store-client.registry';
import { StoreHealthService } from './store-health.service';

const MODULES = '/rest/V1/modules';

describe('one client per store (StoreClientRegistry)', () => {
  let e2e: E2eApp;
  let store: FakeMagentoServer;
  const rows = () => e2e.dataSource.getRepository(StoreEntity);

  /** Activates a fake store (its storeConfigs and modules routed) through the callback. */
  async function activateStore(options: FakeMagentoOptions = {}): Promise<StoreEntity> {
    store = await startFakeMagento({ handshake: true, ...options });
    store.route('GET', '/rest/V1/store/storeConfigs', () => ({ json: storeConfigs(store.baseUrl) }));
    store.route('GET', MODULES, () => ({ json: ['Magento_Store'] }));
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    const row = await rows().findOneByOrFail({ storeBaseUrl: store.baseUrl });
    expect(row.status).toBe('active');
    return row;
  }

  /** A registry as a restarted instance has it: nothing in memory, the same database. */
  function restartedRegistry(): StoreClientRegistry {
    const { app } = e2e;
    return new StoreClientRegistry(
      rows(),
      app.get(SecretBox),
      app.get<symbol, FetchLike>(MAGEKIT_FETCH),
      e2e.clock,
      app.get<symbol, ResolvedMagentoOptions>(MAGEKIT_CONFIG),
      app.get(CallFailureRecorder),
    );
  }

  afterEach(async () => {
    await e2e.close();
    await store?.close();
  });

  it('two jobs on one store share its limiter: never more requests in flight than storeClients.maxConcurrency', async () => {
    e2e = await startE2eApp({ storeClients: { maxConcurrency: 3 } });
    await activateStore();
    let inFlight = 0;
    let peak = 0;
    store.route('GET', '/rest/V1/products', async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight -= 1;
      return { json: { items: [], total_count: 0 } };
    });
    const factory = e2e.app.get(StoreClientFactory);
    // Each job reads its own copy of the row and asks for a client, as independent callers do.
    const job = async () => {
      const client = factory.forStore(await rows().findOneByOrFail({}));
      await Promise.all(Array.from({ length: 6 }, () => client.get('/V1/products')));
      return client;
    };
    const [first, second] = await Promise.all([job(), job()]);
    expect(second).toBe(first);
    expect(peak).toBe(3);
    expect(store.requests.filter((request) => request.path === '/rest/V1/products')).toHaveLength(12);
    // Views with call options (the probe's timeout) go through the same limiter.
    const row = await rows().findOneByOrFail({});
    const view = factory.forStore(row, { timeoutMs: 5000, recordFailures: false });
    expect(view).not.toBe(first);
    expect(e2e.app.get(StoreClientRegistry).entryFor(row).limiter.max).toBe(3);
  });

  it('learns the clock skew once, keeps it on the store row, and a restarted registry starts from it', async () => {
    e2e = await startE2eApp();
    // The store's clock is an hour behind ours: our timestamps are refused until the client corrects them.
    const row = await activateStore({ clock: () => e2e.clock() - 3_600_000 });
    const configs = store.requests.filter((request) => request.path === '/rest/V1/store/storeConfigs');
    expect(configs.map((request) => request.oauth?.valid)).toEqual([false, true]); // the activation's probe learnt it
    const registry = e2e.app.get(StoreClientRegistry);
    await registry.flush();
    expect((await rows().findOneByOrFail({ id: row.id })).clockSkewMs).toBe(-3_600_000);

    const client = e2e.app.get(StoreClientFactory).forStore(await rows().findOneByOrFail({ id: row.id }));
    await client.get('/V1/modules');
    await client.get('/V1/modules');
    expect(client.clockSkew.appliedMs).toBe(-3_600_000);
    const restarted = restartedRegistry();
    const reread = restarted.entryFor(await rows().findOneByOrFail({ id: row.id })).recording;
    await reread.get('/V1/modules');
    const modules = store.requests.filter((request) => request.path === MODULES);
    expect(modules.map((request) => request.oauth?.valid)).toEqual([true, true, true]); // never refused again
    expect(reread.clockSkew.appliedMs).toBe(0); // nothing to adopt: its clock already carries the stored skew
  });

  it('lets an idle client go and builds it again from the row: the learnt skew is not learnt twice', async () => {
    e2e = await startE2eApp({ storeClients: { idleMs: 60_000 } });
    const row = await activateStore({ clock: () => e2e.clock() - 3_600_000 });
    const registry = e2e.app.get(StoreClientRegistry);
    const first = registry.entryFor(row);
    await registry.flush();
    e2e.clock.advance(60_001);
    expect(registry.sweep()).toBe(1);
    expect(registry.size).toBe(0);
    const reread = await rows().findOneByOrFail({ id: row.id });
    expect(registry.knownSkewMs(reread)).toBe(-3_600_000);
    const rebuilt = registry.entryFor(reread);
    expect(rebuilt).not.toBe(first);
    await rebuilt.recording.get('/V1/modules');
    const modules = store.requests.filter((request) => request.path === MODULES);
    expect(modules.map((request) => request.oauth?.valid)).toEqual([true]); // signed with the row's skew at once
    expect(rebuilt.recording.clockSkew.appliedMs).toBe(0);
    await expect(rebuilt.recording.signatureProfile()).resolves.toBe(reread.signatureProfile);
  });

  it('replaces the client when a Reauthorize rotates the token (same limiter) and drops it on revoke', async () => {
    e2e = await startE2eApp();
    const before = await activateStore();
    const factory = e2e.app.get(StoreClientFactory);
    const registry = e2e.app.get(StoreClientRegistry);
    const first = factory.forStore(before);
    const limiter = registry.entryFor(before).limiter;
    const { consumerKey, consumerSecret } = store.credentials;
    await store.close();
    e2e.clock.advance(1000);
    // Magento deleted the old token and re-sends the same consumer with a new verifier.
    store = await startFakeMagento({ handshake: true, credentials: { consumerKey, consumerSecret } });
    store.route('GET', '/rest/V1/store/storeConfigs', () => ({ json: storeConfigs(store.baseUrl) }));
    store.route('GET', MODULES, () => ({ json: ['Magento_Store'] }));
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
    const after = await rows().findOneByOrFail({ id: before.id });
    expect(after.accessTokenEnc).not.toBe(before.accessTokenEnc);
    const second = factory.forStore(after);
    expect(second).not.toBe(first);
    expect(factory.forStore(before)).toBe(second); // a copy read before the rotation gets the current client
    expect(registry.entryFor(after).limiter).toBe(limiter);
    await expect(second.get('/V1/modules')).resolves.toEqual(['Magento_Store']);
    expect(store.requests[store.requests.length - 1].oauth?.valid).toBe(true);

    e2e.clock.advance(1000);
    await e2e.app.get(StoreHealthService).revoke(before.id);
    expect(registry.size).toBe(0);
    // A copy read before the revoke, and the row as it is now.
    expect(() => factory.forStore(after)).toThrow(
      expect.objectContaining({ code: 'STORE_NOT_ACTIVE', message: expect.stringContaining('revoked or removed') }),
    );
    expect(() => factory.forStore(before)).toThrow(expect.objectContaining({ code: 'STORE_NOT_ACTIVE' }));
    const revoked = await rows().findOneByOrFail({ id: before.id });
    expect(() => factory.forStore(revoked)).toThrow(
      expect.objectContaining({ code: 'STORE_NOT_ACTIVE', message: expect.stringContaining('no access token') }),
    );
    expect(registry.size).toBe(0);
  });
});
