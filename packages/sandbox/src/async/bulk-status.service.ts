import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { MagentoException } from '../common/magento-exception';
import { processSimpleType } from '../common/type-processor';
import { RestHandlerRegistry } from '../rest/rest-handler.registry';
import { BulkEntity, OperationEntity } from './bulk.entity';
import { renderDetailedStatus, renderShortStatus } from './bulk-status-json';

/**
 * The bulk status routes of `app/code/Magento/AsynchronousOperations/etc/webapi.xml`
 * (`Magento\AsynchronousOperations\Model\BulkOperationsStatus`), behind
 * `Magento_Logging::system_magento_logging_bulk_operations`. The ACL is the only check: any caller
 * with that resource reads any bulk (the owner check of `IsAllowedForBulkUuid` belongs to the admin's
 * Bulk Actions pages, not to the web API).
 */
@Injectable()
export class BulkStatusService implements OnModuleInit {
  constructor(
    private readonly registry: RestHandlerRegistry,
    @InjectRepository(BulkEntity) private readonly bulks: Repository<BulkEntity>,
    @InjectRepository(OperationEntity) private readonly operations: Repository<OperationEntity>,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      'GET /V1/bulk/:bulkUuid/status': async (call) => {
        const [bulk, operations] = await this.load(call.params['bulkUuid']);
        return renderShortStatus(bulk, operations);
      },
      'GET /V1/bulk/:bulkUuid/detailed-status': async (call) => {
        const [bulk, operations] = await this.load(call.params['bulkUuid']);
        return renderDetailedStatus(bulk, operations);
      },
      'GET /V1/bulk/:bulkUuid/operation-status/:status': (call) =>
        this.countByStatus(call.params['bulkUuid'], call.params['status']),
    });
  }

  /** The bulk and its operations in insertion order. @throws MagentoException 404 `Bulk uuid %bulkUuid not exist` */
  private async load(bulkUuid: string): Promise<[BulkEntity, OperationEntity[]]> {
    const bulk = await this.bulks.findOneBy({ uuid: bulkUuid });
    if (bulk === null) throw new MagentoException(404, 'Bulk uuid %bulkUuid not exist', { bulkUuid });
    return [bulk, await this.operations.find({ where: { bulkUuid }, order: { id: 'ASC' } })];
  }

  /**
   * `getOperationsCountByBulkIdAndStatus($bulkUuid, int $status)`: a count, 0 for an unknown bulk.
   * @throws MagentoException 400 when `:status` is not an int (`ServiceInputProcessor`)
   */
  private async countByStatus(bulkUuid: string, status: string): Promise<number> {
    return this.operations.countBy({ bulkUuid, status: processSimpleType(status, 'int') as number });
  }
}
