import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import { nextActivationState } from '../activation/activation-state';
import { ActivationTimeline, type TimelineEntry } from '../activation/activation-timeline';
import { ActivationEntity } from '../entities/activation.entity';
import { StoreEntity } from '../entities/store.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG } from '../tokens';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { StoreClientRegistry } from './store-client.registry';
import { StoreProber, type ProbeOutcome } from './store-prober';

const REAUTH_HINT = 'Ask the merchant to click Reauthorize in System > Extensions > Integrations.';

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
   * whose token works again becomes `active`), `needs_reauth` when the token is rejected.
   *
   * @throws MagentoIntegrationError `STORE_NOT_FOUND`, `STORE_NOT_ACTIVE`
   */
  async probe(id: string): Promise<ProbeOutcome['kind']> {
    const store = await this.findStore(id);
    const outcome = await this.prober.run(store);
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

  /** Marks a store `needs_reauth` (admin request). @throws MagentoIntegrationError `STORE_NOT_FOUND` */
  async requestReauth(id: string): Promise<void> {
    const store = await this.findStore(id);
    await this.markNeedsReauth(
      store,
      'REAUTH_REQUESTED',
      'An operator asked for the integration to be reauthorized.',
      REAUTH_HINT,
    );
  }

  /** Forgets the store's tokens and client and marks it `revoked`. @throws MagentoIntegrationError `STORE_NOT_FOUND` */
  async revoke(id: string): Promise<void> {
    const store = await this.findStore(id);
    const now = new Date(this.clock());
    await this.stores.update(
      { id },
      {
        status: 'revoked',
        accessTokenEnc: null,
        accessTokenSecretEnc: null,
        statusCode: 'REVOKED',
        statusReason: 'Revoked by an operator: the stored tokens were deleted.',
        statusHint: 'The merchant can Reauthorize the integration to activate it again.',
        updatedAt: now,
      },
    );
    this.clients.drop(id, now.getTime());
    await this.note(store, { type: 'revoked', message: 'Revoked by an operator; stored tokens deleted.' });
  }

  /** Probes active stores not probed for `probe.intervalMs`, one instance per store (lease on the row). */
  async probeDue(limit = 20): Promise<number> {
    const now = this.clock();
    const due = new Date(now - this.config.probe.intervalMs);
    const candidates = await this.stores
      .createQueryBuilder('s')
      .where('s.status = :active', { active: 'active' })
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
