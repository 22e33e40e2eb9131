import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
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

/** Skews are stored in a 32-bit integer column (±24 days). */
const MAX_SKEW_MS = 2_147_483_647;

/**
 * Owns one `MagentoClient` per store in this process: one concurrency limiter per store
 * (`storeClients.maxConcurrency`), the signature profile and clock skew learnt once and kept on
 * the store row; for an `ims` store, one IMS strategy and so one cached token. A row whose
 * credential differs from the client's (a new activation, Reauthorize, a new IMS registration, on
 * this or another instance) gets a new client with the same limiter and what was learnt; a row
 * without a credential (revoked) drops it.
 */
@Injectable()
export class StoreClientRegistry implements OnApplicationShutdown {
  private readonly logger = new Logger('StoreClients');
  private readonly entries = new Map<string, StoreClientEntry>();
  /** When each dropped store was dropped: copies of its row from before then get no client. */
  private readonly dropped = new Map<string, number>();
  private readonly writes = new Set<Promise<void>>();

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
    if (current && (current.credentialEnc === credential || !fresh)) return current;
    const entry = this.build(store, credential, current);
    this.entries.set(store.id, entry);
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
    this.dropped.set(storeId, at);
  }

  /** How many stores have a client. */
  get size(): number {
    return this.entries.size;
  }

  /** Waits until learnt profiles and skews are written. */
  async flush(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
    this.entries.clear();
  }

  private build(store: StoreEntity, credentialEnc: string, previous: StoreClientEntry | undefined): StoreClientEntry {
    const open = (column: string, value: string) => this.secrets.open('magekit_stores', column, store.id, value);
    const knowledge: StoreKnowledge = previous
      ? { profile: previous.knowledge.profile, baseSkewMs: currentSkewMs(previous) }
      : { profile: store.signatureProfile, baseSkewMs: store.clockSkewMs ?? 0 };
    return buildStoreClientEntry(store, {
      auth: buildStoreAuth(store, open, { tokenUrl: this.config.ims.tokenUrl, timeoutMs: this.config.probe.timeoutMs }),
      credentialEnc,
      limiter: previous?.limiter ?? createConcurrencyLimiter(this.config.storeClients.maxConcurrency),
      knowledge,
      fetch: this.fetch,
      clock: this.clock,
      saveProfile: (signatureProfile) => this.write(store.id, { signatureProfile }),
      saveSkew: (skewMs) =>
        void this.write(store.id, { clockSkewMs: Math.max(-MAX_SKEW_MS, Math.min(MAX_SKEW_MS, Math.round(skewMs))) }),
      recordFailure: (call) => this.failures.record(store.id, call),
    });
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
    this.writes.add(pending);
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
