import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `OperationInterface::STATUS_TYPE_*` (`lib/internal/Magento/Framework/Bulk/OperationInterface.php`). */
export const OPERATION_STATUS = {
  complete: 1,
  retriablyFailed: 2,
  notRetriablyFailed: 3,
  open: 4,
  rejected: 5,
} as const;

/** `UserContextInterface::USER_TYPE_*`, stored as the bulk's `user_type`. */
export const USER_TYPE = { integration: 1, admin: 2, customer: 3, guest: 4 } as const;

/** `magento_bulk` (`app/code/Magento/AsynchronousOperations/etc/db_schema.xml`): one asynchronous or bulk request. */
@Entity('magento_bulk')
export class BulkEntity {
  /** Internal id, never exposed. */
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 39, unique: true })
  uuid!: string;

  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId!: number | null;

  @Column({ name: 'user_type', type: 'integer', nullable: true })
  userType!: number | null;

  /** `Topic <topic name>`. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  description!: string | null;

  @Column({ name: 'operation_count', type: 'integer' })
  operationCount!: number;

  /** `Y-m-d H:i:s`, UTC (the column's `CURRENT_TIMESTAMP`). */
  @Column({ name: 'start_time', type: 'varchar', length: 19 })
  startTime!: string;
}

/** `magento_operation`: one entity of a bulk; `operation_key` is the entity's key in the request, the REST `id`. */
@Entity('magento_operation')
@Index(['bulkUuid', 'operationKey'])
export class OperationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'operation_key', type: 'integer', nullable: true })
  operationKey!: number | null;

  @Column({ name: 'bulk_uuid', type: 'varchar', length: 39 })
  bulkUuid!: string;

  @Column({ name: 'topic_name', type: 'varchar', length: 255, nullable: true })
  topicName!: string | null;

  /** `{"entity_id":null,"entity_link":"","meta_information":"<input JSON>","store_id":"1"}`; cleared on success. */
  @Column({ name: 'serialized_data', type: 'text', nullable: true })
  serializedData!: string | null;

  @Column({ name: 'result_serialized_data', type: 'text', nullable: true })
  resultSerializedData!: string | null;

  @Column({ type: 'integer', nullable: true, default: 0 })
  status!: number | null;

  @Column({ name: 'error_code', type: 'integer', nullable: true })
  errorCode!: number | null;

  /** varchar(255): longer messages are cut, as MySQL does with Magento's empty `SQL_MODE`. */
  @Column({ name: 'result_message', type: 'varchar', length: 255, nullable: true })
  resultMessage!: string | null;
}
