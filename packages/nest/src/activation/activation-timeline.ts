import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ActivationEventEntity, type ActivationEventType } from '../entities/activation-event.entity';
import { isUniqueViolation } from '../storage/unique-violation';
import { MAGEKIT_CLOCK } from '../tokens';

/** One timeline entry to append. Messages must never contain secrets. */
export interface TimelineEntry {
  type: ActivationEventType;
  message: string;
  code?: string | null;
  hint?: string | null;
}

/** Appends to an activation's timeline; positions stay 0, 1, 2… even with concurrent writers. */
@Injectable()
export class ActivationTimeline {
  constructor(
    @InjectRepository(ActivationEventEntity) private readonly events: Repository<ActivationEventEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  /**
   * Appends `entry` at the next position. `first`: the activation was just created, so position 0
   * is tried without reading the timeline (a concurrent writer's entry makes it look, as usual).
   */
  async append(
    activation: { id: string; storeId: string },
    entry: TimelineEntry,
    options: { first?: boolean } = {},
  ): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const last =
        attempt === 0 && options.first
          ? null
          : await this.events.findOne({
              where: { activationId: activation.id },
              order: { position: 'DESC' },
              select: { id: true, position: true },
            });
      const event = this.events.create({
        id: randomUUID(),
        activationId: activation.id,
        storeId: activation.storeId,
        position: (last?.position ?? -1) + 1,
        type: entry.type,
        message: entry.message,
        code: entry.code ?? null,
        hint: entry.hint ?? null,
        occurredAt: new Date(this.clock()),
      });
      try {
        await this.events.insert(event);
        return;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 9) throw error;
      }
    }
  }

  /** The events of some activations, oldest first. */
  list(activationIds: string[]): Promise<ActivationEventEntity[]> {
    if (activationIds.length === 0) return Promise.resolve([]);
    return this.events
      .createQueryBuilder('e')
      .where('e.activation_id IN (:...ids)', { ids: activationIds })
      .orderBy('e.position', 'ASC')
      .getMany();
  }
}
