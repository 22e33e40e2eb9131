import { isMagentoClientError, MagentoClientError } from '../errors/magento-client-error';
import type { Clock, Sleep } from '../http/side-effects';
import type { MagentoClient } from '../rest/create-magento-client';
import { path } from '../url/rest-path';
import type { BulkStatus } from './bulk-types';
import { parseBulkStatus } from './parse-bulk-status';

/** The ACL resource of the bulk status routes (`AsynchronousOperations/etc/webapi.xml`). */
export const BULK_STATUS_RESOURCE = 'Magento_Logging::system_magento_logging_bulk_operations';

/** Options of {@link getBulkStatus}. */
export interface BulkStatusOptions {
  /** Store code of the status call (default: the client's). */
  store?: string;
  signal?: AbortSignal;
}

/** Options of {@link waitForBulk}. Clock and sleep default to the client's. */
export interface WaitForBulkOptions extends BulkStatusOptions {
  /** Give up after this long (ms); default 600 000. Magento's consumers often run from cron, once a minute. */
  timeoutMs?: number;
  /** Wait after the first unfinished poll; default 1 000 ms, then multiplied by `factor` up to `maxDelayMs`. */
  initialDelayMs?: number;
  /** Default 2. */
  factor?: number;
  /** Default 30 000 ms. */
  maxDelayMs?: number;
  /** Called with every status read (progress). */
  onPoll?: (status: BulkStatus) => void;
  clock?: Clock;
  sleep?: Sleep;
}

/**
 * Reads a bulk with its operations (`GET /V1/bulk/:bulkUuid/detailed-status`, always synchronous).
 *
 * @throws MagentoClientError `NOT_FOUND` for an unknown uuid ("Bulk uuid %bulkUuid not exist"),
 *   `NOT_AUTHORIZED` when the caller lacks {@link BULK_STATUS_RESOURCE}, `INVALID_RESPONSE`.
 */
export async function getBulkStatus(
  client: MagentoClient,
  bulkUuid: string,
  options: BulkStatusOptions = {},
): Promise<BulkStatus> {
  try {
    const answer = await client.get(path('/V1/bulk/:bulkUuid/detailed-status', { bulkUuid }), {
      mode: 'sync',
      store: options.store,
      signal: options.signal,
    });
    return parseBulkStatus(answer);
  } catch (error) {
    if (!isMagentoClientError(error, 'NOT_AUTHORIZED')) throw error;
    throw new MagentoClientError(error.message, error.code, {
      status: error.status,
      magento: error.magento,
      cause: error,
      hint: `Reading a bulk's status needs the ACL resource ${BULK_STATUS_RESOURCE} (System > Action Logs > Bulk Actions).`,
    });
  }
}

/**
 * Polls {@link getBulkStatus} until every operation of the bulk has finished (none open), waiting
 * `initialDelayMs`, then longer by `factor` up to `maxDelayMs` between polls, and one last time at
 * the deadline. Resolves the bulk with each operation's state, message and decoded result; failed
 * operations are in `failed` (they do not make it throw).
 *
 * @throws MagentoClientError `BULK_TIMEOUT` when operations are still open after `timeoutMs`,
 *   `ABORTED` when `signal` fires, and {@link getBulkStatus}'s codes.
 * @example
 * const { bulkUuid } = await sendBulk(client, { method: 'POST', path: '/V1/products', items });
 * const bulk = await waitForBulk(client, bulkUuid, { timeoutMs: 120_000 });
 * for (const operation of bulk.failed) console.warn(operation.id, operation.resultMessage);
 */
export async function waitForBulk(
  client: MagentoClient,
  bulkUuid: string,
  options: WaitForBulkOptions = {},
): Promise<BulkStatus> {
  const clock = options.clock ?? client.config.clock;
  const sleep = options.sleep ?? client.config.sleep;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const deadline = clock() + timeoutMs;
  let delayMs = options.initialDelayMs ?? 1_000;
  for (;;) {
    const status = await getBulkStatus(client, bulkUuid, options);
    options.onPoll?.(status);
    if (status.finished) return status;
    const remainingMs = deadline - clock();
    if (remainingMs <= 0) throw bulkTimeout(status, timeoutMs);
    try {
      await sleep(Math.min(delayMs, remainingMs), options.signal);
    } catch (cause) {
      throw new MagentoClientError(`Waiting for bulk ${bulkUuid} was aborted.`, 'ABORTED', { cause });
    }
    delayMs = Math.min(options.maxDelayMs ?? 30_000, delayMs * (options.factor ?? 2));
  }
}

function bulkTimeout(status: BulkStatus, timeoutMs: number): MagentoClientError {
  const open = status.operations.filter((operation) => operation.state === 'open').length;
  const unlisted = Math.max(0, status.operationCount - status.operations.length);
  return new MagentoClientError(
    `Bulk ${status.bulkUuid} has not finished after ${timeoutMs} ms: ${open + unlisted} of ${status.operationCount} operations still open.`,
    'BULK_TIMEOUT',
    {
      hint: "The store runs asynchronous operations in its async.operations.all consumer (cron's consumers_runner or bin/magento queue:consumers:start async.operations.all): check that it runs, or wait longer.",
    },
  );
}
