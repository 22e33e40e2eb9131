import { intCast } from '@magekit/php';
import type { DataSource } from 'typeorm';
import type { RestUser } from '../rest/rest-handler';
import { formatMagentoDate } from '../seed/magento-values';
import { BulkEntity, OPERATION_STATUS, OperationEntity, USER_TYPE } from './bulk.entity';
import type { InputObject } from './params-overrider';

/** One entity to schedule: its key in the request, its input and its `serialized_data`. */
export interface ScheduledEntity {
  key: string | number;
  input: InputObject;
  serializedData: string;
}

/** The bulk itself: uuid, topic, who asked, and when (the store's clock). */
export interface BulkMeta {
  uuid: string;
  topic: string;
  owner: RestUser;
  now: number;
}

/**
 * `BulkManagement::scheduleBulk()` in one transaction: the `magento_bulk` row (`Topic <topic>`,
 * the caller's user id and `UserContextInterface` type) and one open `magento_operation` per entity,
 * keyed by the entity's key in the request (`operation_key`, an int column). Returns the operations
 * in the entities' order.
 */
export async function saveBulk(
  dataSource: DataSource,
  meta: BulkMeta,
  entities: readonly ScheduledEntity[],
): Promise<OperationEntity[]> {
  return dataSource.transaction(async (manager) => {
    await manager.insert(BulkEntity, {
      uuid: meta.uuid,
      userId: meta.owner.userId,
      userType: USER_TYPE[meta.owner.caller.type],
      description: `Topic ${meta.topic}`,
      operationCount: entities.length,
      startTime: formatMagentoDate(meta.now),
    });
    const rows = entities.map((entity) =>
      manager.create(OperationEntity, {
        operationKey: typeof entity.key === 'number' ? entity.key : intCast(entity.key),
        bulkUuid: meta.uuid,
        topicName: meta.topic,
        serializedData: entity.serializedData,
        resultSerializedData: null,
        status: OPERATION_STATUS.open,
        errorCode: null,
        resultMessage: null,
      }),
    );
    return rows.length === 0 ? [] : manager.save(OperationEntity, rows);
  });
}
