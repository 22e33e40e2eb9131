import type {
  EntitySubscriberInterface,
  InsertEvent,
  QueryRunner,
  RemoveEvent,
  SoftRemoveEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  UpdateEvent,
} from 'typeorm';
import { StoreEntity } from '../entities/store.entity';
import { VendorAccountEntity } from '../entities/vendor-account.entity';

/** The entities the store list shows. */
const LISTED: readonly unknown[] = [StoreEntity, VendorAccountEntity];

type WriteEvent = InsertEvent<unknown> | UpdateEvent<unknown> | RemoveEvent<unknown> | SoftRemoveEvent<unknown>;

/**
 * A TypeORM subscriber that calls `changed` whenever this DataSource writes a store or a vendor
 * account: `save`, `insert`, `update`, `delete` and their QueryBuilders (listeners on, the default),
 * soft removals too. A write inside a transaction calls it again once that transaction commits, so
 * that a list read between the write and the commit (which cannot see it yet) is not kept. Writes
 * that bypass TypeORM's listeners (raw SQL, `callListeners(false)`, another process) are not seen.
 */
export class StoreListInvalidation implements EntitySubscriberInterface<unknown> {
  /** Query runners inside a transaction that wrote a listed entity. */
  private readonly pending = new WeakSet<QueryRunner>();

  constructor(private readonly changed: () => void) {}

  afterInsert(event: InsertEvent<unknown>): void {
    this.written(event);
  }

  afterUpdate(event: UpdateEvent<unknown>): void {
    this.written(event);
  }

  afterRemove(event: RemoveEvent<unknown>): void {
    this.written(event);
  }

  afterSoftRemove(event: SoftRemoveEvent<unknown>): void {
    this.written(event);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!this.pending.has(event.queryRunner)) return;
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
    this.changed();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  private written(event: WriteEvent): void {
    if (!LISTED.includes(event.metadata.target)) return;
    if (event.queryRunner.isTransactionActive) this.pending.add(event.queryRunner);
    this.changed();
  }
}
