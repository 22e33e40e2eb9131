import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThanOrEqual, type Repository } from 'typeorm';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { ActivationEntity } from '../entities/activation.entity';
import { SecurityEventEntity } from '../entities/security-event.entity';
import { StoreEntity } from '../entities/store.entity';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG } from '../tokens';

/** Where a store's activation stands, as the merchant in the identity-link popup should hear it. */
export type ActivationOutcome =
  | { kind: 'active'; store: StoreEntity }
  /** No callback yet for this key (the popup came first): the link is kept for when it comes. */
  | { kind: 'waiting' }
  /** The handshake runs; `stalled` when a step failed and waits for a later retry (the store's status code says why). */
  | { kind: 'activating'; store: StoreEntity; stalled: boolean }
  /** The newest callback for this key was refused (URL guard, security rules, limits). */
  | { kind: 'refused'; code: string; message: string }
  /** The handshake ended without an active store. */
  | { kind: 'failed'; code: string; message: string };

/** How long the sign-in waits for a running handshake to finish before it answers. */
export const OUTCOME_WAIT_MS = 10_000;

/**
 * Reads the outcome of a consumer key's activation for the identity link: the store's status,
 * or a refusal of its newest callback (the security log within the consumer window), so a failed
 * activation never looks like a success to the merchant.
 */
@Injectable()
export class ActivationOutcomeReader {
  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(ActivationEntity) private readonly activations: Repository<ActivationEntity>,
    @InjectRepository(SecurityEventEntity) private readonly events: Repository<SecurityEventEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
  ) {}

  /** The outcome, waiting (real time, up to `waitMs`) while the handshake is still running. */
  async settle(consumerKey: string, waitMs = OUTCOME_WAIT_MS): Promise<ActivationOutcome> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const outcome = await this.read(consumerKey);
      if (outcome.kind !== 'activating' || outcome.stalled || Date.now() >= deadline) return outcome;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async read(consumerKey: string): Promise<ActivationOutcome> {
    const store = await this.stores.findOneBy({ consumerKey });
    const refusal = await this.events.findOne({
      where: {
        consumerKey,
        type: 'callback_rejected',
        occurredAt: MoreThanOrEqual(new Date(this.clock() - this.config.consumerWindowMs)),
      },
      order: { occurredAt: 'DESC' },
    });
    const latest = store
      ? await this.activations.findOne({
          where: { storeId: store.id },
          order: { createdAt: 'DESC' },
          select: { id: true, createdAt: true },
        })
      : null;
    if (refusal && (!latest || refusal.occurredAt >= latest.createdAt))
      return { kind: 'refused', code: refusal.code ?? 'REFUSED', message: refusal.message };
    if (!store) return { kind: 'waiting' };
    if (store.status === 'active') return { kind: 'active', store };
    if (store.status === 'activating') return { kind: 'activating', store, stalled: store.statusCode !== null };
    return {
      kind: 'failed',
      code: store.statusCode ?? store.status.toUpperCase(),
      message: store.statusReason ?? `The store is ${store.status}.`,
    };
  }
}
