import { createHash } from 'node:crypto';
import { intCast } from '@magekit/php';
import { phpJsonEncode } from './php-json-encode';

/** `ItemStatusInterface::STATUS_ACCEPTED`. */
export const ITEM_ACCEPTED = 'accepted';

/** One request item Magento answers for (`Magento\AsynchronousOperations\Api\Data\ItemStatusInterface`). */
export interface RequestItemJson {
  id: number;
  data_hash: string;
  status: string;
}

/** The 202 body (`AsyncResponseInterface` through `DataObjectProcessor`: getter order, `isErrors()` as `errors`). */
export interface AsyncResponseJson {
  bulk_uuid: string;
  request_items: RequestItemJson[];
  errors: boolean;
}

/**
 * An operation's `serialized_data` (`Magento\WebapiAsync\Model\OperationRepository::create()`):
 * `{"entity_id":null,"entity_link":"","meta_information":<the input as JSON>,"store_id":<id>}`, both
 * levels written by `json_encode`. The store id is the request's store as the store manager gives it,
 * a string (Magento's PDO adapter fetches numbers as strings, `PDO::ATTR_STRINGIFY_FETCHES`).
 */
export function serializeOperationData(input: unknown, storeId: string): string {
  return phpJsonEncode({
    entity_id: null,
    entity_link: '',
    meta_information: phpJsonEncode(input),
    store_id: storeId,
  });
}

/** `Encryptor::hash($serializedData, Encryptor::HASH_VERSION_SHA256)`: hex SHA-256 (`MassSchedule::publishMass()`). */
export function hashOperationData(serializedData: string): string {
  return createHash('sha256').update(serializedData, 'utf8').digest('hex');
}

/**
 * The answer to an accepted asynchronous or bulk request (`AsynchronousRequestProcessor::process()`,
 * HTTP 202). Item ids are the entities' keys in the request, cast to int (`getId()` is `@return int`).
 */
export function renderAsyncResponse(
  bulkUuid: string,
  items: ReadonlyArray<{ key: string | number; serializedData: string }>,
): AsyncResponseJson {
  return {
    bulk_uuid: bulkUuid,
    request_items: items.map((item) => ({
      id: typeof item.key === 'number' ? item.key : intCast(item.key),
      data_hash: hashOperationData(item.serializedData),
      status: ITEM_ACCEPTED,
    })),
    errors: false,
  };
}
