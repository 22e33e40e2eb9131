import { startFakeMagento, type FakeMagentoServer } from '@magekit/client/testing';
import { ActivationEntity, StoreEntity } from '../entities';
import { callbackForm, startE2eApp, storeConfigs, type E2eApp } from '../test-support/e2e-app';
import { StoreClientFactory } from './store-client.factory';
import { StoreHealthService } from './store-health.service';

describe('periodic probe and per-store clients', () => {
  let e2e: E2eApp;
  let store: FakeMagentoServer;

  beforeEach(async () => {
    e2e = await startE2eApp({ probe: { intervalMs: 0 } });
    store = await startFakeMagento({ handshake: true });
    store.route('GET', '/rest/V1/store/storeConfigs', () => ({ json: storeConfigs(store.baseUrl) }));
    store.route('GET', '/rest/V1/modules', () => ({ json: ['Magento_Store'] }));
    await e2e.http.post('/magento/callback/acme').type('form').send(callbackForm(store)).expect(200);
    await e2e.settle();
  });
  afterEach(async () => {
    await e2e.close();
    await store.close();
  });

  it('probes active stores that are due, and marks a rejected token needs_reauth', async () => {
    const health = e2e.app.get(StoreHealthService);
    const probes = () => store.requests.filter((request) => request.path === '/rest/V1/store/storeConfigs').length;
    expect(probes()).toBe(1); // the activation's own probe
    expect(await health.probeDue()).toBe(0); // just probed
    e2e.clock.advance(1000); // with intervalMs 0 a store is due as soon as time has passed since its last probe
    expect(await health.probeDue()).toBe(1);
    expect(probes()).toBe(2);
    store.oauth.revoke();
    e2e.clock.advance(1000);
    expect(await health.probeDue()).toBe(1);
    const row = await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({});
    expect(row).toMatchObject({ status: 'needs_reauth', statusCode: 'TOKEN_REVOKED' });
    expect((await e2e.dataSource.getRepository(ActivationEntity).findOneByOrFail({})).state).toBe('needs_reauth');
    e2e.clock.advance(1000);
    expect(await health.probeDue()).toBe(0); // only active stores are probed on the timer
  });

  it('builds signed clients for a stored store from its encrypted credentials', async () => {
    const row = await e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({});
    const client = e2e.app.get(StoreClientFactory).forStore(row);
    await expect(client.get('/V1/modules')).resolves.toEqual(['Magento_Store']);
    const last = store.requests[store.requests.length - 1];
    expect(last.oauth?.valid).toBe(true);
    expect(last.url).toBe(`${store.baseUrl}rest/V1/modules`);
  });
});
