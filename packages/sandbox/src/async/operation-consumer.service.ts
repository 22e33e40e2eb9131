import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import type { RestCall } from '../rest/rest-handler';
import { RestHandlerRegistry } from '../rest/rest-handler.registry';
import type { StoreContext } from '../settings/fault.service';
import { SettingsService } from '../settings/settings.service';
import { OperationEntity, OPERATION_STATUS } from './bulk.entity';
import { phpJsonEncode } from './php-json-encode';
import { SerialQueue } from './serial-queue';

/** One queued operation: its row and the call its route's handler gets (the store context is made when it runs). */
export interface OperationJob {
  operationId: number;
  /** The webapi.xml route id whose handler runs (`PUT /V1/products/:sku`, also for `/bySku`). */
  routeId: string;
  service: { class: string; method: string };
  /** The settings store of the request (its faults do not apply to the consumer). */
  settingsStore: string;
  call: Omit<RestCall, 'store'>;
}

/** What `OperationManagement::changeOperationStatus()` writes (a failure keeps `serialized_data`). */
type OperationOutcome = Pick<OperationEntity, 'status' | 'errorCode' | 'resultMessage' | 'resultSerializedData'> &
  Partial<Pick<OperationEntity, 'serializedData'>>;

const RESULT_MESSAGE_LENGTH = 255;

/**
 * The `async.operations.all` consumer (`Magento\AsynchronousOperations\Model\MassConsumer`,
 * `OperationProcessor::process()`), in-process: each operation runs through the same handler as
 * its synchronous route, with the caller's identity, on the store's clock. Success: status 1,
 * `Service execution success <service>::<method>` (Magento names the concrete class, often an
 * `…\Interceptor`; the sandbox names the interface), the output as `result_serialized_data` and the
 * input cleared; any exception: status 3 (not retriably failed), its message and code, the input kept.
 */
@Injectable()
export class OperationConsumerService implements OnModuleDestroy {
  private readonly logger = new Logger('SandboxAsync');
  private readonly queue = new SerialQueue<OperationJob>((job) => this.process(job));

  constructor(
    @InjectRepository(OperationEntity) private readonly operations: Repository<OperationEntity>,
    private readonly handlers: RestHandlerRegistry,
    private readonly settings: SettingsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  enqueue(jobs: readonly OperationJob[]): void {
    this.queue.push(jobs);
  }

  /** Operations wait, as on a store whose consumers are not running (tests, demos). */
  pause(): void {
    this.queue.pause();
  }

  resume(): void {
    this.queue.resume();
  }

  /** Resolves when every queued operation has run (or the consumer is paused). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Stops before the database closes (TypeORM closes it at application shutdown): the running operation ends, the rest stay open. */
  async onModuleDestroy(): Promise<void> {
    await this.queue.stop();
  }

  private async process(job: OperationJob): Promise<void> {
    try {
      const row = await this.operations.findOneBy({ id: job.operationId });
      if (row === null || row.status !== OPERATION_STATUS.open) return;
      await this.operations.update(row.id, await this.execute(job));
    } catch (error) {
      this.logger.error(`operation ${job.operationId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async execute(job: OperationJob): Promise<OperationOutcome> {
    try {
      const handler = this.handlers.find(job.routeId);
      if (handler === undefined) throw new Error(`The sandbox store does not implement ${job.routeId}.`);
      const output = await handler({ ...job.call, store: await this.storeContext(job.settingsStore) });
      return {
        status: OPERATION_STATUS.complete,
        errorCode: null,
        resultMessage: `Service execution success ${job.service.class}::${job.service.method}`,
        serializedData: null,
        resultSerializedData: output === undefined || output === null ? null : phpJsonEncode(output),
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        status: OPERATION_STATUS.notRetriablyFailed,
        errorCode: 0,
        resultMessage: Array.from(message).slice(0, RESULT_MESSAGE_LENGTH).join(''),
        resultSerializedData: null,
      };
    }
  }

  private async storeContext(storeCode: string): Promise<StoreContext> {
    const settings = await this.settings.getStore(storeCode);
    return { storeCode, settings, now: this.clock.now() + settings.clockOffsetSeconds * 1000 };
  }
}
