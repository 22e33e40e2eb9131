import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { StoreHealthService } from '@magekit/nest';
import { SERVICE_CONTEXT, type ServiceContext } from '../service-context';

/** `disabled` without `REDIS_URL`; otherwise whether Redis answers. */
export type QueueStatus = 'disabled' | 'up' | 'down';

/** Name of the BullMQ queue of background maintenance jobs. */
export const MAINTENANCE_QUEUE = 'magekit-maintenance';
const PING_TIMEOUT_MS = 1000;
/** `probeDue` takes at most 20 stores a call: a job calls it until a call finds fewer, at most this often. */
const MAX_PROBE_ROUNDS = 50;

/**
 * Who runs due probes: the BullMQ job scheduler with `REDIS_URL`, else the module's in-process
 * timer. The service passes this as the module's `probe.scheduler`, so the two never both probe.
 */
export function probeSchedulerFor(redisUrl: string | null): 'timer' | 'external' {
  return redisUrl ? 'external' : 'timer';
}

/**
 * With `REDIS_URL`: a BullMQ queue whose job scheduler runs `probe-due` once per interval (60 s)
 * across all instances, on whichever instance's worker takes it: it probes every active store
 * whose last probe is older than the module's `probe.intervalMs`, in rounds of 20, until none is
 * left (each store is claimed by a lease on its row). The module's own probe timer is then off
 * (`probe.scheduler: 'external'`, see {@link probeSchedulerFor}). Without Redis it reports
 * `disabled` and the module's timer probes.
 */
@Injectable()
export class MaintenanceQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private connection: IORedis | null = null;
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private lastError: string | null = null;
  /** Stops reconnect attempts (of ours and of the worker's duplicate connection) on shutdown. */
  private closing = false;

  constructor(
    @Inject(SERVICE_CONTEXT) private readonly context: ServiceContext,
    private readonly health: StoreHealthService,
  ) {}

  onApplicationBootstrap(): void {
    const url = this.context.config.redisUrl;
    if (!url) return;
    const connection = new IORedis(url, {
      maxRetriesPerRequest: null,
      retryStrategy: (times) => (this.closing ? null : Math.min(times * 500, 5000)),
    });
    connection.on('error', (error: Error) => this.noteError(error));
    this.connection = connection;
    // Queue and worker are made once Redis answers, so a Redis that is down at boot delays nothing.
    connection.once('ready', () => this.startWorker(connection));
  }

  private startWorker(connection: IORedis): void {
    if (this.closing) return;
    const prefix = this.context.queue.prefix;
    this.queue = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
    this.worker = new Worker(MAINTENANCE_QUEUE, (job) => this.process(job), { connection, prefix, concurrency: 1 });
    this.worker.on('error', (error) => this.noteError(error));
    this.queue.on('error', (error) => this.noteError(error));
    void this.queue
      .upsertJobScheduler('probe-due', { every: this.context.queue.probeIntervalMs }, { name: 'probe-due' })
      .catch((error: unknown) => this.noteError(error as Error));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    // The worker's blocking connection is its own duplicate; the shared one is ours to close.
    await this.worker?.close(true).catch(() => undefined);
    await this.queue?.close().catch(() => undefined);
    if (this.connection?.status === 'ready') await this.connection.quit().catch(() => undefined);
    this.connection?.disconnect();
  }

  /** For `/health`. */
  async status(): Promise<QueueStatus> {
    const connection = this.connection;
    if (!connection) return 'disabled';
    if (connection.status !== 'ready') return 'down';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), PING_TIMEOUT_MS)));
    const answer = await Promise.race([connection.ping().catch(() => 'error'), timeout]).finally(() =>
      clearTimeout(timer),
    );
    return answer === 'PONG' ? 'up' : 'down';
  }

  private async process(job: Job): Promise<{ probed: number }> {
    if (job.name !== 'probe-due') return { probed: 0 };
    let probed = 0;
    for (let round = 0; round < MAX_PROBE_ROUNDS; round += 1) {
      const count = await this.health.probeDue(20);
      probed += count;
      if (count < 20) break;
    }
    return { probed };
  }

  private noteError(error: Error): void {
    const message = error?.message ?? String(error);
    if (message === this.lastError) return;
    this.lastError = message;
    this.context.logger.warn({ msg: 'Redis/BullMQ error', error: message }, 'MaintenanceQueue');
  }
}
