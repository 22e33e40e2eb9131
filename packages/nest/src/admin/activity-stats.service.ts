import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThanOrEqual, Not, type Repository } from 'typeorm';
import { ActivationEntity } from '../entities/activation.entity';
import { MAGEKIT_CLOCK } from '../tokens';
import { activityRangeStart, bucketActivity } from './activity-stats';
import type { ActivityDto } from './store-detail.dto';

/**
 * Activations started (by creation time) and failed (state `failed`, by the time of the failure,
 * superseded ones not counted) per UTC day. Portable: two range queries reading one timestamp
 * column each, counted in TypeScript over at most 365 days.
 */
@Injectable()
export class ActivityStats {
  constructor(
    @InjectRepository(ActivationEntity) private readonly activations: Repository<ActivationEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  async perDay(days: number): Promise<ActivityDto> {
    const start = activityRangeStart(this.clock(), days);
    const from = new Date(start);
    const [started, failed] = await Promise.all([
      this.activations.find({ select: { id: true, createdAt: true }, where: { createdAt: MoreThanOrEqual(from) } }),
      this.activations.find({
        select: { id: true, updatedAt: true },
        where: { state: 'failed', failureCode: Not('SUPERSEDED'), updatedAt: MoreThanOrEqual(from) },
      }),
    ]);
    return bucketActivity(
      start,
      days,
      started.map((row) => row.createdAt),
      failed.map((row) => row.updatedAt),
    );
  }
}
