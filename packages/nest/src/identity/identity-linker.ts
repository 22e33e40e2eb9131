import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { IdentityLinkEntity } from '../entities/identity-link.entity';
import { StoreEntity } from '../entities/store.entity';
import { isUniqueViolation } from '../storage/unique-violation';
import { MAGEKIT_CLOCK } from '../tokens';

/**
 * Links a consumer key to a vendor account, whichever of the callback and the identity-link
 * sign-in comes first and on whichever instance. Each side writes its own row and then
 * reconciles: the second committer always sees the first one's row, so the store ends linked.
 */
@Injectable()
export class IdentityLinker {
  constructor(
    @InjectRepository(IdentityLinkEntity) private readonly links: Repository<IdentityLinkEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  /** Records that `vendorAccountId` signed in for `consumerKey` (the latest sign-in wins), then reconciles. */
  async link(tenant: string, consumerKey: string, vendorAccountId: string): Promise<StoreEntity | null> {
    const now = new Date(this.clock());
    const existing = await this.links.findOneBy({ consumerKey });
    if (existing) {
      await this.links.update({ id: existing.id }, { vendorAccountId, tenant, updatedAt: now });
    } else {
      try {
        await this.links.insert(
          this.links.create({ id: randomUUID(), consumerKey, tenant, vendorAccountId, createdAt: now, updatedAt: now }),
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await this.links.update({ consumerKey }, { vendorAccountId, tenant, updatedAt: now });
      }
    }
    await this.stores.update({ consumerKey }, { vendorAccountId, updatedAt: now });
    return this.stores.findOneBy({ consumerKey });
  }

  /**
   * Copies a sign-in recorded before the store existed onto the store row; returns the fields it
   * wrote, or null when there was nothing to copy (no sign-in, or the store was linked already).
   */
  async reconcile(consumerKey: string): Promise<{ vendorAccountId: string; updatedAt: Date } | null> {
    const link = await this.links.findOneBy({ consumerKey });
    if (!link) return null;
    const linked = { vendorAccountId: link.vendorAccountId, updatedAt: new Date(this.clock()) };
    const update = await this.stores.update({ consumerKey, vendorAccountId: IsNull() }, linked);
    return update.affected ? linked : null;
  }
}
