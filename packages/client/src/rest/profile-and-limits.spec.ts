import { createOAuthAuth } from '../auth/oauth-auth';
import { createRecordingSleep, failureOf, startFakeMagento, type FakeMagentoServer } from '../testing';
import { path } from '../url/rest-path';
import { createMagentoClient } from './create-magento-client';
import { createConcurrencyLimiter, nestLimiters } from './concurrency-limiter';
import { createMemoryProfileStore } from './profile-store';
import type { ClientEvent } from './client-events';

let store: FakeMagentoServer;
afterEach(async () => store?.close());

describe('signature profile detection', () => {
  const sku = path('/V1/products/:sku', { sku: 'BOX/12' }); // 2.4.4–2.4.6 decodes %2F before signing

  it('tries the other profile once on a GET refused with "The signature is invalid" and remembers it', async () => {
    store = await startFakeMagento({ profile: 'laminas' });
    const profiles = createMemoryProfileStore();
    const events: ClientEvent[] = [];
    const client = createMagentoClient({
      baseUrl: store.baseUrl,
      auth: createOAuthAuth(store.credentials),
      profileStore: profiles,
      onEvent: (event) => events.push(event),
    });
    store.route('GET', '/rest/V1/products/BOX%2F12', () => ({ json: { sku: 'BOX/12' } }));
    expect(await client.get(sku)).toEqual({ sku: 'BOX/12' });
    expect(store.requests.map((r) => r.oauth?.error ?? 'ok')).toEqual([
      'The signature is invalid. Verify and try again.',
      'ok',
    ]);
    expect(profiles.entries()).toEqual({ [store.baseUrl]: 'laminas' });
    expect(events).toContainEqual({ type: 'profile-fallback', store: store.baseUrl, from: 'latest', to: 'laminas' });
    await client.get(sku);
    expect(store.requests).toHaveLength(3);
    expect(store.requests[2].oauth?.valid).toBe(true);
    expect(await client.signatureProfile()).toBe('laminas');
  });

  it('does not switch profiles for a POST', async () => {
    store = await startFakeMagento({ profile: 'laminas' });
    const client = createMagentoClient({ baseUrl: store.baseUrl, auth: createOAuthAuth(store.credentials) });
    const error = await failureOf(client.post(path('/V1/products/:sku/media', { sku: 'BOX/12' }), {}));
    expect(error.code).toBe('SIGNATURE_INVALID');
    expect(store.requests).toHaveLength(1);
  });

  it('explains a refusal under both profiles (wrong secret)', async () => {
    store = await startFakeMagento();
    const profiles = createMemoryProfileStore();
    const client = createMagentoClient({
      baseUrl: store.baseUrl,
      auth: createOAuthAuth({ ...store.credentials, accessTokenSecret: 'wrong' }),
      profileStore: profiles,
    });
    const error = await failureOf(client.get('/V1/modules'));
    expect(error.code).toBe('SIGNATURE_INVALID');
    expect(error.hint).toMatch(/both signature profiles/);
    expect(store.requests).toHaveLength(2);
    expect(profiles.entries()).toEqual({});
  });
});

describe('per-store concurrency limit', () => {
  it('never has more than maxConcurrency requests in flight', async () => {
    store = await startFakeMagento();
    let inFlight = 0;
    let peak = 0;
    store.route('GET', /^\/rest\/V1\/products\/\d+$/, async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return { json: { ok: true } };
    });
    const client = createMagentoClient({
      baseUrl: store.baseUrl,
      auth: createOAuthAuth(store.credentials),
      maxConcurrency: 3,
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.get(`/V1/products/${i}`)));
    expect(store.requests).toHaveLength(20);
    expect(peak).toBe(3);
  });

  it('is shared by clients given the same limiter, and frees slots while waiting to retry', async () => {
    store = await startFakeMagento();
    const limiter = createConcurrencyLimiter(1);
    let first = true;
    store.route('GET', '/rest/V1/modules', () =>
      first ? ((first = false), { status: 503, json: { message: 'busy' } }) : { json: [] },
    );
    const seen: Array<[number, number]> = [];
    const sleep = createRecordingSleep();
    const a = createMagentoClient({
      baseUrl: store.baseUrl,
      auth: createOAuthAuth(store.credentials),
      limiter,
      sleep: async (ms, signal) => (seen.push([limiter.active, limiter.waiting]), sleep(ms, signal)),
    });
    const b = createMagentoClient({ baseUrl: store.baseUrl, auth: createOAuthAuth(store.credentials), limiter });
    await Promise.all([a.get('/V1/modules'), b.get('/V1/modules')]);
    expect(seen).toEqual([[1, 0]]); // b got the slot a freed before sleeping
    expect(store.requests).toHaveLength(3);
    expect(limiter.active).toBe(0);
  });

  it('rejects a queued call whose signal aborts', async () => {
    const limiter = createConcurrencyLimiter(1);
    let release = () => undefined as void;
    const busy = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const queued = limiter.run(async () => 'ran', controller.signal);
    expect(limiter.waiting).toBe(1);
    controller.abort();
    expect((await failureOf(queued)).code).toBe('ABORTED');
    expect(limiter.waiting).toBe(0);
    release();
    await busy;
  });
});

describe('nestLimiters', () => {
  it('takes a slot of the outer limiter, then of the inner one, for each task', async () => {
    const outer = createConcurrencyLimiter(2);
    const inner = createConcurrencyLimiter(1);
    const nested = nestLimiters(outer, inner);
    const releases: Array<() => void> = [];
    const task = () => new Promise<void>((resolve) => releases.push(resolve));
    const runs = [nested.run(task), nested.run(task), nested.run(task)];
    await new Promise((resolve) => setImmediate(resolve));
    expect([nested.max, outer.active, outer.waiting, inner.active, inner.waiting]).toEqual([1, 2, 1, 1, 1]);
    expect(releases).toHaveLength(1);
    releases[0]();
    await new Promise((resolve) => setImmediate(resolve));
    expect([outer.active, outer.waiting, inner.active, inner.waiting]).toEqual([2, 0, 1, 1]);
    releases[1]();
    await new Promise((resolve) => setImmediate(resolve));
    releases[2]();
    await Promise.all(runs);
    expect([outer.active, inner.active]).toEqual([0, 0]);
  });
});
