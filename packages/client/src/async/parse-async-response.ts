import { MagentoClientError } from '../errors/magento-client-error';
import type { AcceptedItem, AsyncAccepted } from './bulk-types';

/**
 * Reads Magento's answer to an asynchronous or bulk call
 * (`Magento\WebapiAsync\Controller\Rest\AsynchronousRequestProcessor`, HTTP 202):
 * `{bulk_uuid, request_items: [{id, data_hash, status, error_message?, error_code?}], errors}`
 * (docs/magento-behaviour.md §4.10). Pure.
 *
 * @throws MagentoClientError `INVALID_RESPONSE` when the answer has another shape (a synchronous
 *   answer, for instance: the store has no Magento_WebapiAsync, or a proxy rewrote `/async`).
 */
export function parseAsyncResponse(value: unknown): AsyncAccepted {
  const record = asRecord(value);
  if (record === null || typeof record.bulk_uuid !== 'string' || !Array.isArray(record.request_items))
    throw invalid('is not an asynchronous answer ({bulk_uuid, request_items, errors})', value);
  return {
    bulkUuid: record.bulk_uuid,
    items: record.request_items.map((item, index) => parseItem(item, index)),
    errors: record.errors === true,
  };
}

function parseItem(value: unknown, index: number): AcceptedItem {
  const item = asRecord(value);
  if (item === null || typeof item.id !== 'number' || (item.status !== 'accepted' && item.status !== 'rejected'))
    throw invalid(`request_items[${index}] is not an item status ({id, data_hash, status})`, value);
  const parsed: AcceptedItem = {
    id: item.id,
    dataHash: typeof item.data_hash === 'string' ? item.data_hash : null,
    status: item.status,
  };
  if (typeof item.error_message === 'string') parsed.errorMessage = item.error_message;
  if (typeof item.error_code === 'number') parsed.errorCode = item.error_code;
  return parsed;
}

/** A JSON object, or null. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function invalid(what: string, value: unknown): MagentoClientError {
  return new MagentoClientError(
    `The store's answer ${what}: ${JSON.stringify(value)?.slice(0, 200)}`,
    'INVALID_RESPONSE',
  );
}
