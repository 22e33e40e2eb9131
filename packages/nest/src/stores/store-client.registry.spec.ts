import type { Repository } from 'typeorm';
import type { FetchLike } from '@magekit/client';
import { createManualClock, type ManualClock } from '@magekit/client/testing';
import type { CallFailureRecorder } from '../admin/call-failure-recorder.service';
import { resolveMagentoOptions } from '../config/resolve-options';
import type { MagentoIntegrationOptions } from '../config/module-options';
import type { SecretBox } from '../crypto/secret-box';
import { StoreEntity } from '../entities/store.entity';
import { StoreClientRegistry } from './store-client.registry';

const KEYS = { activeKeyId: 'k1', keys: { k1: Buffer.alloc(32, 1).toString('base64') } };
const MINUTE = 60_000;

/** Secrets stored as they are (the registry only hands them to the auth strategy). */
const plainSecrets = { open: (_table: string, _column: string, _id: string, value: string) => value } as SecretBox;
const noFailures = { record: async () => undefined } as unknown as CallFailureRecorder;

/** An active `oauth1` store row, as a caller reads it. */
function storeRow(n: number, changes: Partial<StoreEntity> = {}): StoreEntity {
  return Object.assign(new StoreEntity(), {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    tenant: 'acme',
    authKind: 'oauth1',
    edition: 'paas',
    status: 'active',
    consumerKey: `consumer${String(n).padStart(24, '0')}`,
    consumerSecretEnc: 'consumer-secret',
    accessTokenEnc: `token-${n}`,
    accessTokenSecretEnc: 'token-secret',
    storeBaseUrl: `https://store${n}.example.com`,
    usesIndexPhp: false,
    signatureProfile: 'latest',
    clockSkewMs: 0,
    updatedAt: new Date(Date.UTC(2025, 0, 1)),
    ...changes,
  });
}

interface Harness {
  registry: StoreClientRegistry;
  clock: ManualClock;
  /** Answers every request held so far. */
  release(): void;
  /** Requests sent and not yet answered. */
  held: number;
}

/** A registry whose fetch holds every request until `release()`. */
function createRegistry(storeClients: MagentoIntegrationOptions['storeClients'] = {}): Harness {
  const clock = createManualClock();
  const waiting: Array<() => void> = [];
  const fetch: FetchLike = () =>
    new Promise<Response>((resolve) => waiting.push(() => resolve(Response.json({ ok: true }))));
  const stores = { update: async () => ({ affected: 1 }) } as unknown as Repository<StoreEntity>;
  const config = resolveMagentoOptions({ encryption: KEYS, storeClients });
  const registry = new StoreClientRegistry(stores, plainSecrets, fetch, clock, config, noFailures);
  const harness: Harness = {
    registry,
    clock,
    release: () => waiting.splice(0).forEach((answer) => answer()),
    get held() {
      return waiting.length;
    },
  };
  return harness;
}

/** Lets pending promise callbacks run (the client sends after a few of them). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('StoreClientRegistry eviction', () => {
  it('lets go of clients idle for longer than storeClients.idleMs and keeps those used since', () => {
    const { registry, clock } = createRegistry({ idleMs: 5 * MINUTE });
    const [a, b] = [storeRow(1), storeRow(2)];
    const first = registry.entryFor(a);
    registry.entryFor(b);
    clock.advance(4 * MINUTE);
    expect(registry.entryFor(a)).toBe(first); // handed out again: used now
    clock.advance(MINUTE + 1);
    expect(registry.sweep()).toBe(1);
    expect(registry.size).toBe(1);
    expect(registry.entryFor(a)).toBe(first);
    clock.advance(5 * MINUTE + 1);
    expect(registry.sweep()).toBe(1);
    expect(registry.size).toBe(0);
    const rebuilt = registry.entryFor(a);
    expect(rebuilt).not.toBe(first);
    expect(rebuilt.limiter.max).toBe(4);
  });

  it('keeps an ims store idle for imsIdleMs', () => {
    const { registry, clock } = createRegistry({ idleMs: 5 * MINUTE, imsIdleMs: 120 * MINUTE });
    const ims = storeRow(1, {
      authKind: 'ims',
      edition: 'saas',
      consumerKey: null,
      consumerSecretEnc: null,
      accessTokenEnc: null,
      accessTokenSecretEnc: null,
      imsClientId: 'client-id',
      imsClientSecretEnc: 'client-secret',
      storeBaseUrl: 'https://na1-sandbox.api.commerce.adobe.com/ABCDEF123456',
    });
    registry.entryFor(ims);
    registry.entryFor(storeRow(2));
    clock.advance(60 * MINUTE);
    expect(registry.sweep()).toBe(1);
    expect(registry.size).toBe(1);
    clock.advance(60 * MINUTE + 1);
    expect(registry.sweep()).toBe(1);
    expect(registry.size).toBe(0);
  });

  it('never lets go of a client with calls in flight or waiting, even over maxEntries', async () => {
    const harness = createRegistry({ idleMs: MINUTE, maxConcurrency: 1, maxEntries: 1 });
    const { registry, clock } = harness;
    const busy = registry.entryFor(storeRow(1));
    const calls = [busy.recording.get('/V1/modules'), busy.recording.get('/V1/modules')];
    await settle();
    expect([busy.limiter.active, busy.limiter.waiting, harness.held]).toEqual([1, 1, 1]);
    clock.advance(10 * MINUTE);
    expect(registry.sweep()).toBe(0);
    registry.entryFor(storeRow(2)); // over the cap: the idle newcomer stays too, nothing else is idle
    expect(registry.size).toBe(2);
    expect(registry.entryFor(storeRow(1))).toBe(busy);
    while (harness.held > 0) {
      harness.release();
      await settle();
    }
    await Promise.all(calls);
    clock.advance(MINUTE + 1);
    expect(registry.sweep()).toBe(2);
  });

  it('holds at most maxEntries clients, letting the least recently used idle ones go first', () => {
    const { registry, clock } = createRegistry({ maxEntries: 10 });
    const kept = registry.entryFor(storeRow(0));
    for (let n = 1; n <= 25; n += 1) {
      clock.advance(1000);
      registry.entryFor(storeRow(n));
      registry.entryFor(storeRow(0)); // store 0 stays the most recently used
      expect(registry.size).toBeLessThanOrEqual(10);
    }
    expect(registry.entryFor(storeRow(0))).toBe(kept);
    const last = registry.entryFor(storeRow(25));
    expect(registry.entryFor(storeRow(25))).toBe(last);
    // One overflow lets go down to 90% of the cap, so the next clients need no sort.
    expect(registry.size).toBeGreaterThanOrEqual(9);
  });

  it('builds a client let go again from the row: its signature profile and clock skew', async () => {
    const { registry, clock } = createRegistry({ idleMs: MINUTE });
    const row = storeRow(1, { signatureProfile: 'laminas', clockSkewMs: -3_600_000 });
    const first = registry.entryFor(row);
    clock.advance(MINUTE + 1);
    registry.sweep();
    expect(registry.knownSkewMs(row)).toBe(-3_600_000); // from the row while no client is held
    const rebuilt = registry.entryFor(row);
    expect(rebuilt).not.toBe(first);
    expect(rebuilt.knowledge).toEqual({ profile: 'laminas', baseSkewMs: -3_600_000 });
    await expect(rebuilt.recording.signatureProfile()).resolves.toBe('laminas');
  });

  it('gives a new client the limiter of the one let go while a caller still holds that one', () => {
    const { registry, clock } = createRegistry({ idleMs: MINUTE });
    const row = storeRow(1);
    const held = registry.entryFor(row); // a long job keeps its client between two calls
    clock.advance(MINUTE + 1);
    expect(registry.sweep()).toBe(1);
    const rebuilt = registry.entryFor(row);
    expect(rebuilt).not.toBe(held);
    expect(rebuilt.limiter).toBe(held.limiter); // one per-store bound for both
  });

  it('refuses rows read before a drop, and forgets the drop after 10 minutes', () => {
    const { registry, clock } = createRegistry();
    const row = storeRow(1);
    registry.entryFor(row);
    registry.drop(row.id);
    expect(registry.size).toBe(0);
    expect(() => registry.entryFor(row)).toThrow(expect.objectContaining({ code: 'STORE_NOT_ACTIVE' }));
    clock.advance(10 * MINUTE);
    registry.sweep();
    expect(registry.droppedSize).toBe(1);
    clock.advance(1);
    registry.sweep();
    expect(registry.droppedSize).toBe(0);
  });

  it('stops its sweep timer on shutdown', async () => {
    const { registry } = createRegistry();
    const cleared = jest.spyOn(global, 'clearInterval');
    registry.onApplicationBootstrap();
    await registry.onApplicationShutdown();
    expect(cleared).toHaveBeenCalledTimes(1);
    cleared.mockRestore();
  });
});
