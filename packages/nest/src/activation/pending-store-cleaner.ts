import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, IsNull, type Repository } from 'typeorm';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { ActivationEntity } from '../entities/activation.entity';
import { StoreEntity } from '../entities/store.entity';
import { SecurityEventLog } from '../security/security-event-log';
import { StoreClientRegistry } from '../stores/store-client.registry';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG } from '../tokens';

/** Time after the consumer window before a never-active store is removed (lets a last step finish). */
export const PENDING_GRACE_MS = 60_000;

/**
 * Age after which a store with no activation is taken for a callback that stopped half-way (its
 * instance died between writing the store and its activation). A callback writes both within
 * Magento's 5 s POST timeout (docs/magento-behaviour.md §2.4); this leaves a wide margin.
 */
export const INTERRUPTED_CALLBACK_MS = 60_000;

const INTERRUPTED_REASON =
  "The activation callback was interrupted before it was recorded (the service instance that received it stopped), so the handshake cannot run: Magento's verifier was not kept.";
const INTERRUPTED_HINT =
  'Ask the merchant to click Reauthorize in System > Extensions > Integrations; Magento then calls back again with a new verifier.';

/**
 * Removes stores that called back but never became active, once Magento's consumer window of
 * their newest activation (plus {@link PENDING_GRACE_MS}) has passed and no handshake runs for
 * them, so anonymous callbacks cannot grow the store table without bound (the `pendingStores`
 * limits count exactly these rows). Each removal is written to the security log with the last
 * failure, for the operator. A Reauthorize afterwards simply creates the store again.
 */
@Injectable()
export class PendingStoreCleaner {
  private readonly logger = new Logger('MagentoPendingStores');

  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(ActivationEntity) private readonly activations: Repository<ActivationEntity>,
    private readonly securityLog: SecurityEventLog,
    private readonly clients: StoreClientRegistry,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
  ) {}

  /** Removes up to `limit` expired pending stores; returns how many were removed. */
  async removeExpired(limit = 100): Promise<number> {
    const now = this.clock();
    const candidates = await this.stores
      .createQueryBuilder('s')
      .where('s.activated_at IS NULL')
      // Registered IMS stores have no consumer window; they stay until an operator removes them.
      .andWhere("s.auth_kind = 'oauth1'")
      .andWhere('s.created_at < :edge', { edge: new Date(now - this.config.consumerWindowMs - PENDING_GRACE_MS) })
      .andWhere(
        new Brackets((q) =>
          q.where('s.handshake_lease_until IS NULL').orWhere('s.handshake_lease_until < :now', { now: new Date(now) }),
        ),
      )
      .orderBy('s.created_at', 'ASC')
      .limit(limit)
      .getMany();
    let removed = 0;
    for (const store of candidates) if (await this.removeIfExpired(store, now)) removed += 1;
    if (removed > 0)
      this.logger.log(`Removed ${removed} store(s) that never became active within the consumer window.`);
    return removed;
  }

  /**
   * Marks failed, with the Reauthorize hint, the stores a callback created without an activation
   * (its instance died between the two writes), once {@link INTERRUPTED_CALLBACK_MS} has passed: no
   * handshake can run for them, and the dashboard then says why. Returns how many were marked.
   */
  async failInterrupted(limit = 100): Promise<number> {
    const now = this.clock();
    const orphans = await this.stores
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .where("s.status = 'activating'")
      .andWhere("s.auth_kind = 'oauth1'")
      .andWhere('s.activated_at IS NULL')
      .andWhere('s.created_at < :edge', { edge: new Date(now - INTERRUPTED_CALLBACK_MS) })
      .andWhere('NOT EXISTS (SELECT 1 FROM magekit_activations a WHERE a.store_id = s.id)')
      .orderBy('s.created_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    let marked = 0;
    for (const { id } of orphans) {
      const result = await this.stores
        .createQueryBuilder()
        .update()
        .set({
          status: 'failed',
          statusCode: 'CALLBACK_INTERRUPTED',
          statusReason: INTERRUPTED_REASON,
          statusHint: INTERRUPTED_HINT,
          updatedAt: new Date(now),
        })
        .where('id = :id', { id })
        .andWhere("status = 'activating'")
        // Not if the activation was written meanwhile.
        .andWhere('NOT EXISTS (SELECT 1 FROM magekit_activations a WHERE a.store_id = :id)', { id })
        .execute();
      marked += result.affected ?? 0;
    }
    if (marked > 0) this.logger.warn(`Marked ${marked} store(s) failed whose activation callback was interrupted.`);
    return marked;
  }

  private async removeIfExpired(store: StoreEntity, now: number): Promise<boolean> {
    const activations = await this.activations.find({ where: { storeId: store.id }, order: { createdAt: 'DESC' } });
    const busy = activations.some(
      (activation) =>
        activation.windowEndsAt.getTime() + PENDING_GRACE_MS > now ||
        (activation.leaseUntil !== null && activation.leaseUntil.getTime() > now),
    );
    if (busy) return false;
    // Only if nothing touched the row since it was read (a new callback updates `updated_at`).
    const result = await this.stores.delete({
      id: store.id,
      authKind: 'oauth1',
      activatedAt: IsNull(),
      updatedAt: store.updatedAt,
    });
    if (!result.affected) return false;
    await this.activations.delete({ storeId: store.id });
    this.clients.drop(store.id);
    const last = activations[0];
    const outcome = last?.failureCode
      ? `${last.failureCode}: ${last.failureReason ?? ''}`.trim()
      : last
        ? `the activation stopped in state ${last.state}`
        : `${store.statusCode ?? 'no activation was recorded'}${store.statusReason ? `: ${store.statusReason}` : ''}`;
    await this.securityLog.record({
      type: 'pending_expired',
      code: last?.failureCode ?? store.statusCode ?? null,
      tenant: store.tenant,
      storeId: store.id,
      consumerKey: store.consumerKey,
      storeBaseUrl: store.storeBaseUrl,
      sourceAddress: store.createdFromAddress,
      message: `The store never became active within Magento's consumer window and was removed (${outcome}). A Reauthorize in Magento creates it again.`,
    });
    return true;
  }
}
