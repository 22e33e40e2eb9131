import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import { StoreEntity } from '../entities/store.entity';
import { MAGEKIT_CLOCK } from '../tokens';

/**
 * One handshake at a time per store, across instances: a lease on the store row, taken with one
 * conditional UPDATE. Concurrent callbacks for one consumer key (even with different verifiers)
 * therefore never send two token requests to the store at once; an expired lease (a crashed
 * instance) can be taken over.
 */
@Injectable()
export class HandshakeLease {
  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  /** Takes the lease when nobody holds it (or its holder's lease expired). `owner` is unique per run. */
  async claim(storeId: string, owner: string, durationMs: number): Promise<boolean> {
    const now = new Date(this.clock());
    const result = await this.stores
      .createQueryBuilder()
      .update()
      .set({ handshakeOwner: owner, handshakeLeaseUntil: new Date(now.getTime() + durationMs) })
      .where('id = :storeId', { storeId })
      .andWhere(
        new Brackets((q) => q.where('handshake_lease_until IS NULL').orWhere('handshake_lease_until < :now', { now })),
      )
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** True when nobody holds the store's lease now. */
  async isFree(storeId: string): Promise<boolean> {
    const store = await this.stores.findOne({
      where: { id: storeId },
      select: { id: true, handshakeLeaseUntil: true },
    });
    return !store || store.handshakeLeaseUntil === null || store.handshakeLeaseUntil.getTime() < this.clock();
  }

  async extend(storeId: string, owner: string, durationMs: number): Promise<void> {
    await this.stores.update(
      { id: storeId, handshakeOwner: owner },
      { handshakeLeaseUntil: new Date(this.clock() + durationMs) },
    );
  }

  async release(storeId: string, owner: string): Promise<void> {
    await this.stores.update(
      { id: storeId, handshakeOwner: owner },
      { handshakeOwner: null, handshakeLeaseUntil: null },
    );
  }
}
