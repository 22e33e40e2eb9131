import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { StoreHealthService, type ProbeBatchResult } from '@magekit/nest';
import { SERVICE_CONTEXT, type ServiceContext } from '../service-context';
import { enqueueDueProbes, PROBE_QUEUE, type ProbeDueResult } from './probe-batches';
import { DEFAULT_PROBE_SCHEDULING, type ProbeBatchData, type ProbeScheduling } from './probe-scheduling';

/** `disabled` without `REDIS_URL`; otherwise whether Redis answers. */
export type QueueStatus = 'disabled' | 'up' | 'down';

/** Name of the BullMQ queue of background maintenance jobs. */
export const MAINTENANCE_QUEUE = 'magekit-maintenance';
const PING_TIMEOUT_MS = 1000;

/**
 * Who runs due probes: the BullMQ job scheduler with `REDIS_URL`, else the module's in-process
 * timer. The service passes this as the module's `probe.scheduler`, so the two never both probe.
 */
export function probeSchedulerFor(redisUrl: string | null): 'timer' | 'external' {
  return redisUrl ? 'external' : 'timer';
}

/**
 * With `REDIS_URL`: BullMQ's job scheduler runs `probe-due` on the maintenance queue once per
 * `queue.probeIntervalMs` (60 s) across all instances; it enqueues every store due in the current
 * probe interval (the module's `probe.intervalMs`, aligned) as `probe-batch` jobs on the probe
 * queue (see {@link enqueueDueProbes}), which the workers of every instance take,
 * `probeJobConcurrency` at a time, each probing `probesPerJob` stores at once. A store's row lease,
 * claimed only while the store is still due, keeps it to one probe per interval. The module's own
 * probe timer is then off (`probe.scheduler: 'external'`, see {@link probeSchedulerFor}). Without
 * Redis it reports `disabled` and the module's timer probes.
 */
@Injectable()
export class MaintenanceQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private connection: IORedis | null = null;
  private maintenance: Queue | null = null;
  private probes: Queue<ProbeBatchData> | null = null;
  private readonly workers: Worker[] = [];
  private lastError: string | null = null;
  /** Stops reconnect attempts (of ours and of the workers' duplicate connections) on shutdown. */
  private closing = false;
  private readonly scheduling: ProbeScheduling;

  constructor(
    @Inject(SERVICE_CONTEXT) private readonly context: ServiceContext,
    private readonly health: StoreHealthService,
  ) {
    const { probeBatchSize, probeJobConcurrency, probesPerJob } = context.queue;
    this.scheduling = {
      probeBatchSize: probeBatchSize ?? DEFAULT_PROBE_SCHEDULING.probeBatchSize,
      probeJobConcurrency: probeJobConcurrency ?? DEFAULT_PROBE_SCHEDULING.probeJobConcurrency,
      probesPerJob: probesPerJob ?? DEFAULT_PROBE_SCHEDULING.probesPerJob,
    };
  }

  onApplicationBootstrap(): void {
    const url = this.context.config.redisUrl;
    if (!url) return;
    const connection = new IORedis(url, {
      maxRetriesPerRequest: null,
      retryStrategy: (times) => (this.closing ? null : Math.min(times * 500, 5000)),
    });
    connection.on('error', (error: Error) => this.noteError(error));
    this.connection = connection;
    // Queues and workers are made once Redis answers, so a Redis that is down at boot delays nothing.
    connection.once('ready', () => this.startWorkers(connection));
  }

  private startWorkers(connection: IORedis): void {
    if (this.closing) return;
    const prefix = this.context.queue.prefix;
    this.maintenance = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
    this.probes = new Queue<ProbeBatchData>(PROBE_QUEUE, { connection, prefix });
    this.workers.push(
      new Worker(MAINTENANCE_QUEUE, (job) => this.runMaintenance(job), { connection, prefix, concurrency: 1 }),
      new Worker<ProbeBatchData>(PROBE_QUEUE, (job) => this.runProbeBatch(job), {
        connection,
        prefix,
        concurrency: this.scheduling.probeJobConcurrency,
      }),
    );
    for (const worker of this.workers) worker.on('error', (error) => this.noteError(error));
    this.maintenance.on('error', (error) => this.noteError(error));
    this.probes.on('error', (error) => this.noteError(error));
    void this.maintenance
      .upsertJobScheduler('probe-due', { every: this.context.queue.probeIntervalMs }, { name: 'probe-due' })
      .catch((error: unknown) => this.noteError(error as Error));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    // The workers' blocking connections are their own duplicates; the shared one is ours to close,
    // and only once every worker's loop has ended: BullMQ (5.81) retries a command that fails on a
    // closed connection without pause while its worker is closing, so a forced close (which does not
    // wait for the job a worker is taking) followed by quit() can leave a loop spinning for ever.
    // A graceful close waits for the running jobs, which are bounded by the probes' own timeouts.
    await Promise.all(this.workers.map((worker) => worker.close().catch(() => undefined)));
    await Promise.all(
      [this.maintenance?.close(), this.probes?.close()].map((closed) => closed?.catch(() => undefined)),
    );
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

  private async runMaintenance(job: Job): Promise<ProbeDueResult | null> {
    if (job.name !== 'probe-due' || !this.probes) return null;
    return enqueueDueProbes(this.health, this.probes, this.scheduling.probeBatchSize);
  }

  private runProbeBatch(job: Job<ProbeBatchData>): Promise<ProbeBatchResult> {
    return this.health.probeStores(job.data.ids, new Date(job.data.since), this.scheduling.probesPerJob);
  }

  private noteError(error: Error): void {
    const message = error?.message ?? String(error);
    if (message === this.lastError) return;
    this.lastError = message;
    this.context.logger.warn({ msg: 'Redis/BullMQ error', error: message }, 'MaintenanceQueue');
  }
}
