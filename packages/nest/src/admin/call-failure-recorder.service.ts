import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { StoreCallFailureEntity } from '../entities/store-call-failure.entity';
import { MAGEKIT_CLOCK } from '../tokens';
import type { FailedCall } from './failed-call-capture';

/** How many failed calls are kept per store. */
export const FAILED_CALLS_KEPT = 50;

/** Persists the failed REST calls of store clients (the newest {@link FAILED_CALLS_KEPT} per store) and reads them back. */
@Injectable()
export class CallFailureRecorder {
  private readonly logger = new Logger('CallFailureRecorder');

  constructor(
    @InjectRepository(StoreCallFailureEntity) private readonly failures: Repository<StoreCallFailureEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  /** Stores one failed call and drops the store's older ones beyond the limit. Never throws. */
  async record(storeId: string, call: FailedCall): Promise<void> {
    try {
      await this.failures.insert({ id: randomUUID(), storeId, ...call, occurredAt: new Date(this.clock()) });
      await this.prune(storeId);
    } catch (error) {
      this.logger.warn(
        `Could not record a failed ${call.method} call of store ${storeId}: ${(error as Error).message}`,
      );
    }
  }

  /** The store's failed calls, newest first. */
  listRecent(storeId: string, limit = FAILED_CALLS_KEPT): Promise<StoreCallFailureEntity[]> {
    return this.failures.find({ where: { storeId }, order: { occurredAt: 'DESC', id: 'DESC' }, take: limit });
  }

  private async prune(storeId: string): Promise<void> {
    const stale = await this.failures.find({
      select: { id: true },
      where: { storeId },
      order: { occurredAt: 'DESC', id: 'DESC' },
      skip: FAILED_CALLS_KEPT,
      take: 1000,
    });
    if (stale.length > 0) await this.failures.delete({ id: In(stale.map((row) => row.id)) });
  }
}
