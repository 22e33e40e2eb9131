import type { Provider } from '@nestjs/common';
import { AsyncRequestService } from './async-request.service';
import { BulkEntity, OperationEntity } from './bulk.entity';
import { BulkStatusService } from './bulk-status.service';
import { OperationConsumerService } from './operation-consumer.service';

/**
 * The asynchronous and bulk web API (docs/magento-behaviour.md §4.10): accepting `/async` and
 * `/async/bulk` requests (the REST dispatcher hands them over), the in-process consumer, and the
 * bulk status routes.
 */
export const ASYNC_PROVIDERS: Provider[] = [AsyncRequestService, OperationConsumerService, BulkStatusService];

/** `magento_bulk` and `magento_operation`. */
export const ASYNC_ENTITIES = [BulkEntity, OperationEntity];
