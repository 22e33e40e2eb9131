import { MagentoClientError } from '../errors/magento-client-error';
import { OPERATION_STATUSES, type BulkOperation, type BulkStatus, type OperationState } from './bulk-types';
import { asRecord } from './parse-async-response';

const STATE_BY_CODE = new Map<number, OperationState>(
  Object.entries(OPERATION_STATUSES).map(([state, code]) => [code, state as OperationState]),
);

/**
 * Reads `GET /V1/bulk/:bulkUuid/detailed-status` (`DetailedBulkOperationsStatusInterface`:
 * `operations_list` of `OperationInterface`, then `user_type`, `bulk_id`, `description`,
 * `start_time`, `user_id`, `operation_count`; docs/magento-behaviour.md §4.10). A bulk is finished
 * when all its `operation_count` operations are listed and none is open (4); `result` is
 * `result_serialized_data` decoded when it is JSON. Also reads the short `…/status` answer (no
 * topic, no data). Pure.
 *
 * @throws MagentoClientError `INVALID_RESPONSE` for another shape.
 */
export function parseBulkStatus(value: unknown): BulkStatus {
  const record = asRecord(value);
  if (record === null || typeof record.bulk_id !== 'string' || !Array.isArray(record.operations_list))
    throw invalid('is not a bulk status ({operations_list, bulk_id, …})', value);
  const operations = record.operations_list.map((operation, index) => parseOperation(operation, index));
  const operationCount = typeof record.operation_count === 'number' ? record.operation_count : operations.length;
  return {
    bulkUuid: record.bulk_id,
    description: stringOrNull(record.description),
    startTime: stringOrNull(record.start_time),
    userType: numberOrNull(record.user_type),
    userId: numberOrNull(record.user_id),
    operationCount,
    operations,
    finished: operations.length >= operationCount && operations.every((operation) => operation.state !== 'open'),
    failed: operations.filter((operation) => operation.state !== 'complete' && operation.state !== 'open'),
  };
}

function parseOperation(value: unknown, index: number): BulkOperation {
  const operation = asRecord(value);
  if (operation === null || typeof operation.id !== 'number' || typeof operation.status !== 'number')
    throw invalid(`operations_list[${index}] is not an operation ({id, status, …})`, value);
  return {
    id: operation.id,
    state: STATE_BY_CODE.get(operation.status) ?? 'unknown',
    statusCode: operation.status,
    topicName: stringOrNull(operation.topic_name),
    resultMessage: stringOrNull(operation.result_message),
    errorCode: numberOrNull(operation.error_code),
    result: decodeResult(operation.result_serialized_data),
    serializedData: stringOrNull(operation.serialized_data),
  };
}

function decodeResult(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

function invalid(what: string, value: unknown): MagentoClientError {
  return new MagentoClientError(`The bulk status ${what}: ${JSON.stringify(value)?.slice(0, 200)}`, 'INVALID_RESPONSE');
}
