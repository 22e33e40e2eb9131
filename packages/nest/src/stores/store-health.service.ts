import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import { nextActivationState } from '../activation/activation-state';
import { ActivationTimeline, type TimelineEntry } from '../activation/activation-timeline';
import { ActivationEntity } from '../entities/activation.entity';
import { StoreEntity, type StoreAuthKind } from '../entities/store.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG } from '../tokens';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { StoreClientRegistry } from './store-client.registry';
import { StoreProber, type ProbeOutcome } from './store-prober';

const REAUTH_HINT = 'Ask the merchant to click Reauthorize in System > Extensions > Integrations.';
const IMS_REJECTED_HINT =
  'Check the OAuth Server-to-Server credential in Adobe Developer Console (client id, a current client secret, the organization, the Commerce API and its scopes), then register the store again with it (same URL).';
/** A registered `ims` store whose probe found no verdict is probed again by the sweeper after this long. */
export const REGISTERED_RETRY_MS = 5 * 60_000;

/** Probes, reauthorization requests and revocation of stored stores (admin API and scheduler). */
@Injectable()
export class StoreHealthService {
  private readonly logger = new Logger('StoreHealth');

  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(ActivationEntity) private readonly activations: Repository<ActivationEntity>,
    private readonly prober: StoreProber,
    private readonly clients: StoreClientRegistry,
    private readonly timeline: ActivationTimeline,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
  ) {}

  /** @throws MagentoIntegrationError `STORE_NOT_FOUND` */
  async findStore(id: string): Promise<StoreEntity> {
    const store = /^[0-9a-f-]{36}$/i.test(id) ? await this.stores.findOneBy({ id }) : null;
    if (!store) throw new MagentoIntegrationError(`No store with id ${JSON.stringify(id)}.`, 'STORE_NOT_FOUND');
    return store;
  }

  /**
   * Probes a store now and records the result: facts on success (a store marked `needs_reauth`
   * whose token works again becomes `active`), `needs_reauth` when the token is rejected. An `ims`
   * store becomes `active` when the probe works and `failed` when IMS or the store refuses its
   * credential (see {@link recordImsOutcome}).
   *
   * @throws MagentoIntegrationError `STORE_NOT_FOUND`, `STORE_NOT_ACTIVE`
   */
  async probe(id: string): Promise<ProbeOutcome['kind']> {
    const store = await this.findStore(id);
    return (await this.probeAndRecord(store, {})).kind;
  }

  /**
   * Runs the probe of `store` and records its outcome; `also` (a lease's release) is written in
   * the same UPDATE where the outcome is written, and `written` says whether it was.
   */
  private async probeAndRecord(
    store: StoreEntity,
    also: Partial<StoreEntity>,
  ): Promise<{ kind: ProbeOutcome['kind']; written: boolean }> {
    const { id } = store;
    const outcome = await this.prober.run(store);
    if (store.authKind === 'ims')
      return { kind: outcome.kind, written: await this.recordImsOutcome(store, outcome, also) };
    const now = new Date(this.clock());
    if (outcome.kind === 'ok') {
      const status = store.status === 'needs_reauth' || store.status === 'active' ? 'active' : store.status;
      await this.stores.update(
        { id },
        {
          status,
          statusCode: null,
          statusReason: null,
          statusHint: null,
          facts: JSON.stringify(outcome.facts),
          lastProbedAt: now,
          updatedAt: now,
          ...also,
        },
      );
      await this.note(store, {
        type: 'probe_ok',
        message: `Probe ok: ${outcome.facts.storeViews.length} store view(s).`,
      });
    } else if (outcome.kind === 'rejected') {
      await this.markNeedsReauth(
        store,
        outcome.error.code,
        `The store rejected the token: ${outcome.error.message}`,
        outcome.error.hint ?? REAUTH_HINT,
        also,
      );
    } else {
      await this.stores.update(
        { id },
        {
          statusCode: outcome.error.code,
          statusReason: `Probe failed: ${outcome.error.message}`,
          statusHint: outcome.error.hint ?? null,
          lastProbedAt: now,
          updatedAt: now,
          ...also,
        },
      );
      await this.note(store, {
        type: 'probe_failed',
        message: `Probe failed: ${outcome.error.message}`,
        code: outcome.error.code,
        hint: outcome.error.hint ?? null,
      });
    }
    return { kind: outcome.kind, written: true };
  }

  /**
   * Marks a store `needs_reauth` (admin request).
   *
   * @throws MagentoIntegrationError `STORE_NOT_FOUND`; `INVALID_TRANSITION` for an `ims` store (no Reauthorize exists there).
   */
  async requestReauth(id: string): Promise<void> {
    const store = await this.findStore(id);
    if (store.authKind === 'ims')
      throw new MagentoIntegrationError(
        `Store ${store.id} authenticates with Adobe IMS: there is no Reauthorize for it.`,
        'INVALID_TRANSITION',
        { hint: 'Register the store again with a working IMS credential (same URL): POST /api/stores/saas.' },
      );
    await this.markNeedsReauth(
      store,
      'REAUTH_REQUESTED',
      'An operator asked for the integration to be reauthorized.',
      REAUTH_HINT,
    );
  }

  /**
   * Forgets the store's tokens (an `ims` store's client secret) and client and marks it `revoked`.
   *
   * @throws MagentoIntegrationError `STORE_NOT_FOUND`
   */
  async revoke(id: string): Promise<void> {
    const store = await this.findStore(id);
    const now = new Date(this.clock());
    const ims = store.authKind === 'ims';
    await this.stores.update(
      { id },
      {
        status: 'revoked',
        accessTokenEnc: null,
        accessTokenSecretEnc: null,
        imsClientSecretEnc: null,
        statusCode: 'REVOKED',
        statusReason: ims
          ? 'Revoked by an operator: the stored IMS client secret was deleted.'
          : 'Revoked by an operator: the stored tokens were deleted.',
        statusHint: ims
          ? 'Register the store again with its IMS credential to use it again.'
          : 'The merchant can Reauthorize the integration to activate it again.',
        updatedAt: now,
      },
    );
    this.clients.drop(id, now.getTime());
    await this.note(store, { type: 'revoked', message: 'Revoked by an operator; stored tokens deleted.' });
  }

  /** Probes active stores not probed for `probe.intervalMs`, one instance per store (lease on the row). */
  probeDue(limit = 20): Promise<number> {
    return this.probeLeased('active', null, this.config.probe.intervalMs, limit);
  }

  /**
   * Probes `ims` stores registered but not active yet (`activating`): never probed (registered
   * outside the service, e.g. by `magekit stores add-saas`), or whose last probe found no verdict
   * {@link REGISTERED_RETRY_MS} ago. One instance per store (lease on the row). The sweeper calls it.
   */
  probeRegistered(limit = 20): Promise<number> {
    return this.probeLeased('activating', 'ims', REGISTERED_RETRY_MS, limit);
  }

  /**
   * The probe interval holding `at`: `probe.intervalMs` long, aligned on multiples of it since the
   * epoch, so every instance names the same interval; with `probe.intervalMs` 0, `at` alone.
   */
  probeIntervalAt(at = this.clock()): { start: number; end: number } {
    const every = this.config.probe.intervalMs;
    const start = every > 0 ? at - (at % every) : at;
    return { start, end: start + every };
  }

  /**
   * Ids of active stores not probed since `since` and not leased, in id order after `afterId`
   * (keyset pagination: pass the last id of the previous page), at most `limit`.
   */
  async findDueIds(since: Date, afterId: string | null, limit: number): Promise<string[]> {
    const query = this.dueQuery('active', null, since, new Date(this.clock()));
    if (afterId !== null) query.andWhere('s.id > :afterId', { afterId });
    const rows = await query.select('s.id', 'id').orderBy('s.id', 'ASC').limit(limit).getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /**
   * Probes those of `ids` that are still active and not probed since `since`, at most
   * `concurrency` at a time. Each store is claimed first by a lease on its row that also checks
   * it is still due, so a store is probed once per interval whichever instance gets it. A probe
   * that throws (e.g. a secret that does not decrypt) is logged and counted as failed.
   */
  async probeStores(ids: readonly string[], since: Date, concurrency = 1): Promise<ProbeBatchResult> {
    const result: ProbeBatchResult = { probed: 0, skipped: 0, failed: 0 };
    await forEachLimited(ids, concurrency, async (id) => {
      const store = await this.claim(id, 'active', since);
      if (!store) {
        result.skipped += 1;
        return;
      }
      try {
        await this.probeClaimed(store);
        result.probed += 1;
      } catch (error) {
        result.failed += 1;
        this.logger.warn(`Probe of store ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return result;
  }

  private async probeLeased(
    status: 'active' | 'activating',
    authKind: StoreAuthKind | null,
    everyMs: number,
    limit: number,
  ): Promise<number> {
    const now = this.clock();
    const due = new Date(now - everyMs);
    const candidates = await this.dueQuery(status, authKind, due, new Date(now)).limit(limit).getMany();
    let probed = 0;
    for (const store of candidates) {
      const claimed = await this.claim(store.id, status, due);
      if (!claimed) continue;
      await this.probeClaimed(claimed);
      probed += 1;
    }
    return probed;
  }

  private dueQuery(status: 'active' | 'activating', authKind: StoreAuthKind | null, due: Date, now: Date) {
    const query = this.stores.createQueryBuilder('s').where('s.status = :status', { status });
    if (authKind !== null) query.andWhere('s.auth_kind = :authKind', { authKind });
    return query
      .andWhere(new Brackets((q) => q.where('s.last_probed_at IS NULL').orWhere('s.last_probed_at < :due', { due })))
      .andWhere(
        new Brackets((q) => q.where('s.probe_lease_until IS NULL').orWhere('s.probe_lease_until < :now', { now })),
      );
  }

  /**
   * Takes the probe lease of a store still in `status`, not probed since `due` and not leased, and
   * returns its row (null when another instance has it or probed it meanwhile). The check and the
   * claim are one UPDATE, so a store another instance probed meanwhile (lease already released,
   * `last_probed_at` written) is not claimed again; where the database returns updated rows
   * (PostgreSQL), the same statement reads the row.
   */
  private async claim(id: string, status: 'active' | 'activating', due: Date): Promise<StoreEntity | null> {
    const now = this.clock();
    const returning = this.stores.manager.connection.driver.isReturningSqlSupported('update');
    const query = this.stores
      .createQueryBuilder()
      .update()
      .set({ probeLeaseUntil: new Date(now + 2 * this.config.probe.timeoutMs + 30_000) })
      .where('id = :id', { id })
      .andWhere('status = :status', { status })
      .andWhere(new Brackets((q) => q.where('last_probed_at IS NULL').orWhere('last_probed_at < :due', { due })))
      .andWhere(
        new Brackets((q) =>
          q.where('probe_lease_until IS NULL').orWhere('probe_lease_until < :now', { now: new Date(now) }),
        ),
      );
    if (returning) {
      const rows = (await query.returning('*').execute()).raw as Record<string, unknown>[];
      return rows.length > 0 ? this.hydrate(rows[0]) : null;
    }
    const claimed = await query.execute();
    return (claimed.affected ?? 0) > 0 ? this.stores.findOneBy({ id }) : null;
  }

  /** A store row as the database returned it (column names, driver values) as an entity. */
  private hydrate(raw: Record<string, unknown>): StoreEntity {
    const { driver } = this.stores.manager.connection;
    const store = this.stores.create();
    for (const column of this.stores.metadata.columns)
      column.setEntityValue(store, driver.prepareHydratedValue(raw[column.databaseName], column));
    return store;
  }

  /** Probes a claimed store; its lease is released with the outcome's UPDATE (or on its own when that did not happen). */
  private async probeClaimed(store: StoreEntity): Promise<void> {
    let released = false;
    try {
      released = (await this.probeAndRecord(store, { probeLeaseUntil: null })).written;
    } finally {
      if (!released) await this.stores.update({ id: store.id }, { probeLeaseUntil: null });
    }
  }

  /**
   * The result of an `ims` store's probe: `active` when it works (first success sets
   * `activated_at`); `failed` when IMS refused the credential or the store refused its token
   * (docs/magento-behaviour.md §11.4), with IMS's (or the store's) message and what to check; otherwise the status stays and the problem is
   * noted. There is no activation timeline for such a store: the row says it all. Written only
   * while the row still holds the credential that was probed.
   */
  private async recordImsOutcome(
    store: StoreEntity,
    outcome: ProbeOutcome,
    also: Partial<StoreEntity> = {},
  ): Promise<boolean> {
    const now = new Date(this.clock());
    const probed = { lastProbedAt: now, updatedAt: now, ...also };
    // Only while the row holds the credential that was probed (not one registered meanwhile).
    const same = { id: store.id, imsClientSecretEnc: store.imsClientSecretEnc ?? '' };
    if (outcome.kind === 'ok') {
      const written = await this.stores.update(same, {
        status: 'active',
        statusCode: null,
        statusReason: null,
        statusHint: null,
        facts: JSON.stringify(outcome.facts),
        activatedAt: store.activatedAt ?? now,
        ...probed,
      });
      return (written.affected ?? 0) > 0;
    }
    const { error } = outcome;
    const rejected = outcome.kind === 'rejected';
    const written = await this.stores.update(same, {
      ...(rejected ? { status: 'failed' as const } : {}),
      statusCode: error.code,
      statusReason: rejected ? error.message : `Probe failed: ${error.message}`,
      statusHint: error.hint ?? (rejected ? IMS_REJECTED_HINT : null),
      ...probed,
    });
    return (written.affected ?? 0) > 0;
  }

  private async markNeedsReauth(
    store: StoreEntity,
    code: string,
    reason: string,
    hint: string,
    also: Partial<StoreEntity> = {},
  ): Promise<void> {
    const now = new Date(this.clock());
    await this.stores.update(
      { id: store.id },
      {
        status: 'needs_reauth',
        statusCode: code,
        statusReason: reason,
        statusHint: hint,
        lastProbedAt: now,
        updatedAt: now,
        ...also,
      },
    );
    const latest = await this.latestActivation(store.id);
    if (latest && (latest.state === 'active' || latest.state === 'access_token')) {
      const state = nextActivationState(latest.state, {
        type: code === 'REAUTH_REQUESTED' ? 'reauth_requested' : 'token_rejected',
      });
      await this.activations.update(
        { id: latest.id, state: latest.state },
        { state, failureCode: code, failureReason: reason, failureHint: hint, updatedAt: now },
      );
    }
    if (latest) await this.timeline.append(latest, { type: 'needs_reauth', message: reason, code, hint });
  }

  private async note(store: StoreEntity, entry: TimelineEntry): Promise<void> {
    const latest = await this.latestActivation(store.id);
    if (latest) await this.timeline.append(latest, entry);
  }

  private latestActivation(storeId: string): Promise<ActivationEntity | null> {
    return this.activations.findOne({ where: { storeId }, order: { createdAt: 'DESC' } });
  }
}

/** What {@link StoreHealthService.probeStores} did: probed, skipped (probed meanwhile, leased or no longer active), failed (threw). */
export interface ProbeBatchResult {
  probed: number;
  skipped: number;
  failed: number;
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
