import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { createConcurrencyLimiter, type FetchLike } from '@magekit/client';
import { CallFailureRecorder } from '../admin/call-failure-recorder.service';
import { SecretBox } from '../crypto/secret-box';
import { StoreEntity } from '../entities/store.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG, MAGEKIT_FETCH } from '../tokens';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { buildStoreAuth, storeCredentialOf } from './store-auth';
import { buildStoreClientEntry, currentSkewMs, type StoreClientEntry, type StoreKnowledge } from './store-client-entry';
import { selectEvictions } from './store-client-eviction';
import { trackUsage, type UsageTrackingLimiter } from './store-client-usage';

/** Skews are stored in a 32-bit integer column (±24 days). */
const MAX_SKEW_MS = 2_147_483_647;
/** How long a drop refuses rows read before it: such copies live for one job or request. */
const DROP_MEMORY_MS = 600_000;
/** Longest time between two sweeps for idle clients. */
const MAX_SWEEP_EVERY_MS = 60_000;

/**
 * Owns one `MagentoClient` per store in this process: one concurrency limiter per store
 * (`storeClients.maxConcurrency`), the signature profile and clock skew learnt once and kept on
 * the store row; for an `ims` store, one IMS strategy and so one cached token. A row whose
 * credential differs from the client's (a new activation, Reauthorize, a new IMS registration, on
 * this or another instance) gets a new client with the same limiter and what was learnt; a row
 * without a credential (revoked) drops it.
 *
 * Memory stays bounded: a client with no call running or waiting is let go after
 * `storeClients.idleMs` without use (`imsIdleMs` for an `ims` store), or sooner, least recently
 * used first, beyond `storeClients.maxEntries` (see {@link sweep}). What it learnt is on the store
 * row, so the next call builds it again from there. A caller may still hold the client let go
 * (a long job between two calls): while it does, a new client of that store takes the same
 * limiter, so the store never gets more than `maxConcurrency` calls from this instance.
 */
@Injectable()
export class StoreClientRegistry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StoreClients');
  /** Least recently handed out first. */
  private readonly entries = new Map<string, StoreClientEntry>();
  /** When each dropped store was dropped: copies of its row from before then get no client. */
  private readonly dropped = new Map<string, number>();
  /** Pending writes of what a client learnt, and their store. */
  private readonly writes = new Map<Promise<void>, string>();
  /** Limiters of clients let go, while a caller still holds one (collected with it otherwise). */
  private readonly retired = new Map<string, WeakRef<UsageTrackingLimiter>>();
  private readonly collected = new FinalizationRegistry<string>((id) => {
    if (this.retired.get(id)?.deref() === undefined) this.retired.delete(id);
  });
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    private readonly secrets: SecretBox,
    @Inject(MAGEKIT_FETCH) private readonly fetch: FetchLike,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
    private readonly failures: CallFailureRecorder,
  ) {}

  /**
   * The store's client entry, built on first use and replaced when the row holds another credential.
   * A row older than the one the client was built from (a caller's stale copy) gets the current client.
   *
   * @throws MagentoIntegrationError `STORE_NOT_ACTIVE` when the store holds no access token (no IMS
   *   client secret), or the row was read before the store was revoked or removed here.
   */
  entryFor(store: StoreEntity): StoreClientEntry {
    const current = this.entries.get(store.id);
    const updatedAt = store.updatedAt?.getTime() ?? 0;
    const fresh = !current || updatedAt >= current.builtFrom;
    if (updatedAt < (this.dropped.get(store.id) ?? Number.NEGATIVE_INFINITY))
      throw notActive(store, `Store ${store.id} was revoked or removed after this copy of its row was read.`);
    const credential = storeCredentialOf(store);
    if (credential === null) {
      if (fresh) this.entries.delete(store.id);
      const what = store.authKind === 'ims' ? 'IMS credential' : 'access token';
      throw notActive(store, `Store ${store.id} has no ${what} (status ${store.status}).`);
    }
    if (current && (current.credentialEnc === credential || !fresh)) return this.touch(store.id, current);
    const entry = this.build(store, credential, current);
    this.entries.delete(store.id);
    this.entries.set(store.id, entry);
    if (this.entries.size > this.config.storeClients.maxEntries) this.evictOverflow(store.id);
    return entry;
  }

  /** The clock correction known for a store (its client's, else the row's), e.g. for handshakes. */
  knownSkewMs(store: StoreEntity): number {
    const current = this.entries.get(store.id);
    return current ? currentSkewMs(current) : (store.clockSkewMs ?? 0);
  }

  /**
   * Forgets a store's client (revoked or removed store); calls in flight finish on it. Rows of
   * the store read before `at` (default now) get no client any more.
   */
  drop(storeId: string, at = this.clock()): void {
    this.entries.delete(storeId);
    this.retired.delete(storeId);
    this.dropped.set(storeId, at);
  }

  /**
   * Lets go of the clients idle for longer than `storeClients.idleMs` (`imsIdleMs` for `ims`
   * stores), then of the least recently used idle ones beyond `storeClients.maxEntries`, and
   * forgets drops older than 10 minutes. Runs every `idleMs` (at most every minute); callable
   * directly. Returns how many clients went.
   */
  sweep(): number {
    const now = this.clock();
    for (const [id, at] of this.dropped) if (now - at > DROP_MEMORY_MS) this.dropped.delete(id);
    const writing = new Set(this.writes.values());
    return this.evict(selectEvictions(this.entries, now, this.config.storeClients, undefined, writing));
  }

  /** How many stores have a client. */
  get size(): number {
    return this.entries.size;
  }

  /** How many dropped stores are remembered (rows read before the drop get no client). */
  get droppedSize(): number {
    return this.dropped.size;
  }

  /** Waits until learnt profiles and skews are written. */
  async flush(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes.keys()]);
  }

  onApplicationBootstrap(): void {
    const every = Math.max(1000, Math.min(this.config.storeClients.idleMs, MAX_SWEEP_EVERY_MS));
    this.timer = setInterval(() => this.sweep(), every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    this.entries.clear();
    this.retired.clear();
  }

  /** Notes a use of the entry: it becomes the most recently used. */
  private touch(id: string, entry: StoreClientEntry): StoreClientEntry {
    entry.limiter.touch();
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  /**
   * Beyond `maxEntries`: lets go of idle clients down to 90% of it, so that one sort serves many
   * new clients; never the one just handed out (`keepId`).
   */
  private evictOverflow(keepId: string): void {
    const { maxEntries } = this.config.storeClients;
    const keep = maxEntries - Math.floor(maxEntries / 10);
    const pinned = new Set(this.writes.values()).add(keepId);
    this.evict(selectEvictions(this.entries, this.clock(), this.config.storeClients, keep, pinned));
  }

  private evict(ids: readonly string[]): number {
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      this.entries.delete(id);
      this.retired.set(id, new WeakRef(entry.limiter));
      this.collected.register(entry.limiter, id);
    }
    return ids.length;
  }

  private build(store: StoreEntity, credentialEnc: string, previous: StoreClientEntry | undefined): StoreClientEntry {
    const open = (column: string, value: string) => this.secrets.open('magekit_stores', column, store.id, value);
    const knowledge: StoreKnowledge = previous
      ? { profile: previous.knowledge.profile, baseSkewMs: currentSkewMs(previous) }
      : { profile: store.signatureProfile, baseSkewMs: store.clockSkewMs ?? 0 };
    return buildStoreClientEntry(store, {
      auth: buildStoreAuth(store, open, { tokenUrl: this.config.ims.tokenUrl, timeoutMs: this.config.probe.timeoutMs }),
      credentialEnc,
      limiter: previous?.limiter ?? this.limiterFor(store.id),
      knowledge,
      fetch: this.fetch,
      clock: this.clock,
      saveProfile: (signatureProfile) => this.write(store.id, { signatureProfile }),
      saveSkew: (skewMs) =>
        void this.write(store.id, { clockSkewMs: Math.max(-MAX_SKEW_MS, Math.min(MAX_SKEW_MS, Math.round(skewMs))) }),
      recordFailure: (call) => this.failures.record(store.id, call),
    });
  }

  /** The limiter of a client let go that a caller still holds, else a new one. */
  private limiterFor(id: string): UsageTrackingLimiter {
    const held = this.retired.get(id)?.deref();
    this.retired.delete(id);
    if (held) return (held.touch(), held);
    return trackUsage(createConcurrencyLimiter(this.config.storeClients.maxConcurrency), this.clock);
  }

  private write(id: string, changes: Pick<Partial<StoreEntity>, 'signatureProfile' | 'clockSkewMs'>): Promise<void> {
    const pending: Promise<void> = this.stores
      .update({ id }, changes)
      .then(
        () => undefined,
        (error: unknown) =>
          this.logger.warn(
            `Could not save what the client of store ${id} learnt: ${error instanceof Error ? error.message : String(error)}`,
          ),
      )
      .finally(() => this.writes.delete(pending));
    this.writes.set(pending, id);
    return pending;
  }
}

function notActive(store: StoreEntity, message: string): MagentoIntegrationError {
  return new MagentoIntegrationError(message, 'STORE_NOT_ACTIVE', {
    hint:
      store.authKind === 'ims'
        ? 'Register the store again with its IMS credential (POST /api/stores/saas or magekit stores add-saas).'
        : 'The merchant must Activate or Reauthorize the integration in the Magento admin.',
  });
}
