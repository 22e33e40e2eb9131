import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import { SecurityEventEntity, type SecurityEventType } from '../entities/security-event.entity';
import { MAGEKIT_CLOCK } from '../tokens';

/** How many security events are kept (the oldest beyond it are pruned as new ones arrive). */
export const SECURITY_EVENTS_KEPT = 5000;

/** What {@link SecurityEventLog.record} stores. */
export interface SecurityEventInput {
  type: SecurityEventType;
  code?: string | null;
  tenant?: string | null;
  storeId?: string | null;
  consumerKey?: string | null;
  storeBaseUrl?: string | null;
  sourceAddress?: string | null;
  message: string;
}

const CONSUMER_KEY = /^[0-9a-z]{32}$/i;

/**
 * The security events of the service (`magekit_security_events`): refused callbacks, moved stores,
 * expired pending stores, throttled sign-ins. Bounded: it keeps the newest {@link SECURITY_EVENTS_KEPT}.
 */
@Injectable()
export class SecurityEventLog {
  private writes = 0;

  constructor(
    @InjectRepository(SecurityEventEntity) private readonly events: Repository<SecurityEventEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  async record(input: SecurityEventInput): Promise<SecurityEventEntity> {
    const event = this.events.create({
      id: randomUUID(),
      type: input.type,
      code: input.code ?? null,
      tenant: input.tenant ? input.tenant.slice(0, 64) : null,
      storeId: input.storeId ?? null,
      // Only a well-formed key is kept (anything else could be arbitrary attacker text).
      consumerKey: input.consumerKey && CONSUMER_KEY.test(input.consumerKey) ? input.consumerKey : null,
      storeBaseUrl: input.storeBaseUrl ? input.storeBaseUrl.slice(0, 512) : null,
      sourceAddress: input.sourceAddress ? input.sourceAddress.slice(0, 64) : null,
      message: input.message,
      occurredAt: new Date(this.clock()),
    });
    await this.events.insert(event);
    this.writes += 1;
    if (this.writes % 100 === 1) await this.prune();
    return event;
  }

  /** Removes the events older than the newest {@link SECURITY_EVENTS_KEPT}. */
  async prune(): Promise<void> {
    const [edge] = await this.events.find({
      select: { occurredAt: true },
      order: { occurredAt: 'DESC' },
      skip: SECURITY_EVENTS_KEPT - 1,
      take: 1,
    });
    if (edge) await this.events.delete({ occurredAt: LessThan(edge.occurredAt) });
  }
}
