import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { MaintenanceQueue, type QueueStatus } from '../queue/maintenance-queue';
import { SERVICE_CONTEXT, type ServiceContext } from '../service-context';

/** The `/health` answer. */
export interface HealthReport {
  /** `ok`; `degraded` when only the queue is down; `error` when the database is down (HTTP 503). */
  status: 'ok' | 'degraded' | 'error';
  database: 'up' | 'down';
  queue: QueueStatus;
}

const DATABASE_TIMEOUT_MS = 2000;

/** `GET /health`: 200 once the service is ready (database migrated), 503 when the database is down. */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(SERVICE_CONTEXT) private readonly context: ServiceContext,
    private readonly queue: MaintenanceQueue,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const [database, queue] = await Promise.all([this.checkDatabase(), this.queue.status()]);
    const status = database === 'down' ? 'error' : queue === 'down' ? 'degraded' : 'ok';
    response.status(database === 'down' ? 503 : 200).set('cache-control', 'no-store');
    return { status, database, queue };
  }

  private async checkDatabase(): Promise<'up' | 'down'> {
    const dataSource = this.context.dataSource;
    if (!dataSource.isInitialized) return 'down';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'down'>((resolve) => (timer = setTimeout(() => resolve('down'), DATABASE_TIMEOUT_MS)));
    const query = dataSource.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    return Promise.race([query, timeout]).finally(() => clearTimeout(timer));
  }
}
