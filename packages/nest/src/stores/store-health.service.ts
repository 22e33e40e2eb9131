import { Inject, Injectable } from '@nestjs/common';
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
    const outcome = await this.prober.run(store);
    if (store.authKind === 'ims') {
      await this.recordImsOutcome(store, outcome);
      return outcome.kind;
    }
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
        },
      );
      await this.note(store, {
        type: 'probe_failed',
        message: `Probe failed: ${outcome.error.message}`,
        code: outcome.error.code,
        hint: outcome.error.hint ?? null,
      });
    }
    return outcome.kind;
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

  private async probeLeased(
    status: 'active' | 'activating',
    authKind: StoreAuthKind | null,
    everyMs: number,
    limit: number,
  ): Promise<number> {
    const now = this.clock();
    const due = new Date(now - everyMs);
    const query = this.stores.createQueryBuilder('s').where('s.status = :status', { status });
    if (authKind !== null) query.andWhere('s.auth_kind = :authKind', { authKind });
    const candidates = await query
      .andWhere(new Brackets((q) => q.where('s.last_probed_at IS NULL').orWhere('s.last_probed_at < :due', { due })))
      .andWhere(
        new Brackets((q) =>
          q.where('s.probe_lease_until IS NULL').orWhere('s.probe_lease_until < :now', { now: new Date(now) }),
        ),
      )
      .limit(limit)
      .getMany();
    let probed = 0;
    for (const store of candidates) {
      const lease = new Date(now + 2 * this.config.probe.timeoutMs + 30_000);
      const claimed = await this.stores
        .createQueryBuilder()
        .update()
        .set({ probeLeaseUntil: lease })
        .where('id = :id', { id: store.id })
        .andWhere(
          new Brackets((q) =>
            q.where('probe_lease_until IS NULL').orWhere('probe_lease_until < :now', { now: new Date(now) }),
          ),
        )
        .execute();
      if (!claimed.affected) continue;
      await this.probe(store.id).finally(() => this.stores.update({ id: store.id }, { probeLeaseUntil: null }));
      probed += 1;
    }
    return probed;
  }

  /**
   * The result of an `ims` store's probe: `active` when it works (first success sets
   * `activated_at`); `failed` when IMS refused the credential or the store refused its token
   * (docs/magento-behaviour.md §11.4), with IMS's (or the store's) message and what to check; otherwise the status stays and the problem is
   * noted. There is no activation timeline for such a store: the row says it all. Written only
   * while the row still holds the credential that was probed.
   */
  private async recordImsOutcome(store: StoreEntity, outcome: ProbeOutcome): Promise<void> {
    const now = new Date(this.clock());
    const probed = { lastProbedAt: now, updatedAt: now };
    // Only while the row holds the credential that was probed (not one registered meanwhile).
    const same = { id: store.id, imsClientSecretEnc: store.imsClientSecretEnc ?? '' };
    if (outcome.kind === 'ok') {
      await this.stores.update(same, {
        status: 'active',
        statusCode: null,
        statusReason: null,
        statusHint: null,
        facts: JSON.stringify(outcome.facts),
        activatedAt: store.activatedAt ?? now,
        ...probed,
      });
      return;
    }
    const { error } = outcome;
    const rejected = outcome.kind === 'rejected';
    await this.stores.update(same, {
      ...(rejected ? { status: 'failed' as const } : {}),
      statusCode: error.code,
      statusReason: rejected ? `The IMS credential was refused: ${error.message}` : `Probe failed: ${error.message}`,
      statusHint: error.hint ?? (rejected ? IMS_REJECTED_HINT : null),
      ...probed,
    });
  }

  private async markNeedsReauth(store: StoreEntity, code: string, reason: string, hint: string): Promise<void> {
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
