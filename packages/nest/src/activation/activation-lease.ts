import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import { ActivationEntity } from '../entities/activation.entity';
import { MAGEKIT_CLOCK } from '../tokens';

const PENDING = ['callback_received', 'request_token', 'access_token'];

/**
 * Leases on activations, taken with one conditional UPDATE: whichever instance's update
 * matches works on the activation; the others leave it alone. An expired lease (a crashed
 * instance) can be taken over.
 */
@Injectable()
export class ActivationLease {
  constructor(
    @InjectRepository(ActivationEntity) private readonly activations: Repository<ActivationEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  /** Takes the lease when the activation is pending, due and not leased by someone else. */
  async claim(id: string, owner: string, durationMs: number): Promise<boolean> {
    const now = new Date(this.clock());
    const result = await this.activations
      .createQueryBuilder()
      .update()
      .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + durationMs) })
      .where('id = :id', { id })
      .andWhere('state IN (:...pending)', { pending: PENDING })
      .andWhere(new Brackets((q) => q.where('lease_until IS NULL').orWhere('lease_until < :now', { now })))
      .andWhere(new Brackets((q) => q.where('next_attempt_at IS NULL').orWhere('next_attempt_at <= :now', { now })))
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Extends a lease this owner holds. */
  async extend(id: string, owner: string, durationMs: number): Promise<boolean> {
    const result = await this.activations.update(
      { id, leaseOwner: owner },
      { leaseUntil: new Date(this.clock() + durationMs) },
    );
    return (result.affected ?? 0) > 0;
  }

  async release(id: string, owner: string): Promise<void> {
    await this.activations.update({ id, leaseOwner: owner }, { leaseOwner: null, leaseUntil: null });
  }

  /** The newest pending activation of a store that nobody holds and that is due, other than `exclude`. */
  async findDueForStore(storeId: string, exclude: ReadonlySet<string>): Promise<string | null> {
    const now = new Date(this.clock());
    const query = this.activations
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .where('a.store_id = :storeId', { storeId })
      .andWhere('a.state IN (:...pending)', { pending: PENDING })
      .andWhere(new Brackets((q) => q.where('a.lease_until IS NULL').orWhere('a.lease_until < :now', { now })))
      .andWhere(
        new Brackets((q) => q.where('a.next_attempt_at IS NULL').orWhere('a.next_attempt_at <= :now', { now })),
      );
    if (exclude.size > 0) query.andWhere('a.id NOT IN (:...exclude)', { exclude: [...exclude] });
    const row = await query
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(1)
      .getRawOne<{ id: string }>();
    return row?.id ?? null;
  }

  /** Pending activations nobody holds and that are due: the ones a crash left behind. */
  async findResumable(limit: number): Promise<string[]> {
    const now = new Date(this.clock());
    const rows = await this.activations
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .where('a.state IN (:...pending)', { pending: PENDING })
      .andWhere(new Brackets((q) => q.where('a.lease_until IS NULL').orWhere('a.lease_until < :now', { now })))
      .andWhere(new Brackets((q) => q.where('a.next_attempt_at IS NULL').orWhere('a.next_attempt_at <= :now', { now })))
      .orderBy('a.created_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }
}
