/** One entity of an accepted asynchronous or bulk request (`ItemStatusInterface`). */
export interface AcceptedItem {
  /** The entity's position (key) in the request: 0 for an async call, the array index for a bulk. */
  id: number;
  /** SHA-256 (hex) of the operation's serialized data; null when the entity was rejected. */
  dataHash: string | null;
  /** `accepted`, or `rejected` when Magento could not make an operation of it. */
  status: 'accepted' | 'rejected';
  errorMessage?: string;
  errorCode?: number;
}

/** Magento's 202 answer to `/async/…` and `/async/bulk/…` (`AsyncResponseInterface`). */
export interface AsyncAccepted {
  /** Track it with `waitForBulk` / `getBulkStatus`. */
  bulkUuid: string;
  items: AcceptedItem[];
  /** True when some entity was rejected (`BulkException`); the others were still scheduled. */
  errors: boolean;
}

/** `OperationInterface::STATUS_TYPE_*` by name. */
export const OPERATION_STATUSES = {
  complete: 1,
  retriablyFailed: 2,
  notRetriablyFailed: 3,
  open: 4,
  rejected: 5,
} as const;

/** An operation's state; `unknown` for a status code this client does not know. */
export type OperationState = keyof typeof OPERATION_STATUSES | 'unknown';

/** One operation of a bulk (`OperationInterface` in `GET /V1/bulk/:bulkUuid/detailed-status`). */
export interface BulkOperation {
  /** The entity's key in the request (the `id` of its accepted item). */
  id: number;
  state: OperationState;
  /** Magento's status code (1–5). */
  statusCode: number;
  topicName: string | null;
  /** `Service execution success …` or the exception message. */
  resultMessage: string | null;
  errorCode: number | null;
  /** The service's output (`result_serialized_data` decoded), or undefined when there is none. */
  result: unknown;
  /** The operation's input as Magento stored it (kept for failures, cleared on success). */
  serializedData: string | null;
}

/** A bulk and its operations (`DetailedBulkOperationsStatusInterface`). */
export interface BulkStatus {
  bulkUuid: string;
  /** `Topic <queue topic>`. */
  description: string | null;
  /** `Y-m-d H:i:s`, UTC. */
  startTime: string | null;
  /** `UserContextInterface` type of the caller: 1 integration, 2 admin, 3 customer, 4 guest. */
  userType: number | null;
  userId: number | null;
  operationCount: number;
  operations: BulkOperation[];
  /** Every scheduled operation is listed and none is open. */
  finished: boolean;
  /** Operations that ended in another state than complete. */
  failed: BulkOperation[];
}
