import type { BulkEntity, OperationEntity } from './bulk.entity';

/**
 * The bulk's own fields after `operations_list`, in `DataObjectProcessor`'s getter order
 * (`Magento\AsynchronousOperations\Api\Data\BulkSummaryInterface` then
 * `Magento\Framework\Bulk\BulkSummaryInterface`); `extension_attributes` is empty and left out.
 */
function renderBulkSummary(bulk: BulkEntity): Record<string, unknown> {
  return {
    user_type: bulk.userType,
    bulk_id: bulk.uuid,
    description: bulk.description,
    start_time: bulk.startTime,
    user_id: bulk.userId,
    operation_count: bulk.operationCount,
  };
}

/**
 * `GET /V1/bulk/:bulkUuid/detailed-status` (`BulkStatusInterface::getBulkDetailedStatus()`,
 * `DetailedBulkOperationsStatusInterface`): every operation with `OperationInterface`'s fields, null
 * ones included (the getters are not nullable), `id` being the entity's key in the request.
 */
export function renderDetailedStatus(bulk: BulkEntity, operations: readonly OperationEntity[]): object {
  return {
    operations_list: operations.map((operation) => ({
      id: operation.operationKey,
      bulk_uuid: operation.bulkUuid,
      topic_name: operation.topicName,
      serialized_data: operation.serializedData,
      result_serialized_data: operation.resultSerializedData,
      status: operation.status,
      result_message: operation.resultMessage,
      error_code: operation.errorCode,
    })),
    ...renderBulkSummary(bulk),
  };
}

/**
 * `GET /V1/bulk/:bulkUuid/status` (`getBulkShortStatus()`, `BulkOperationsStatusInterface`): the
 * operations as `SummaryOperationStatusInterface` (id, status, result message, error code).
 */
export function renderShortStatus(bulk: BulkEntity, operations: readonly OperationEntity[]): object {
  return {
    operations_list: operations.map((operation) => ({
      id: operation.operationKey,
      status: operation.status,
      result_message: operation.resultMessage,
      error_code: operation.errorCode,
    })),
    ...renderBulkSummary(bulk),
  };
}
