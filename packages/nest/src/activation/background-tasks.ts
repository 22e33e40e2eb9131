import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { StoreHealthService } from '../stores/store-health.service';
import { MAGEKIT_CONFIG } from '../tokens';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { ActivationLease } from './activation-lease';
import { ActivationRunner } from './activation-runner';
import { PendingStoreCleaner } from './pending-store-cleaner';

/** Activations one sweep resumes at most (a dead instance may leave hundreds after a burst). */
const RESUME_LIMIT = 1000;
/** Registered IMS stores one sweep probes at most. */
const IMS_PROBE_LIMIT = 20;

/**
 * The module's timers: the sweeper resumes activations a crash left pending (their leases have
 * expired), removes pending stores whose window passed and probes newly registered IMS stores
 * (`StoreHealthService.probeRegistered`), the probe re-checks active stores
 * (unless `probe.scheduler` is `external`: then the app's scheduler does). Both are safe to run on
 * every instance; the row leases decide who does the work. Intervals of 0 turn them off.
 */
@Injectable()
export class BackgroundTasks implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MagentoBackground');
  private readonly timers: NodeJS.Timeout[] = [];
  private stopped = false;

  constructor(
    private readonly lease: ActivationLease,
    private readonly runner: ActivationRunner,
    private readonly health: StoreHealthService,
    private readonly pending: PendingStoreCleaner,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.every(this.config.sweepIntervalMs, () => this.sweep());
    if (this.config.probe.scheduler === 'timer')
      this.every(this.config.probe.intervalMs, () => this.health.probeDue().then(() => undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.runner.stopWaiting();
    await this.runner.settled();
  }

  /**
   * Starts the resumable activations (up to `limit`; those a dead instance left behind, all at
   * once, so that they still get their request token within Magento's window), marks failed the
   * stores of interrupted callbacks, removes expired pending stores and probes `ims` stores
   * registered but not yet active (also callable directly). Returns how many activations were started.
   */
  async sweep(limit = RESUME_LIMIT): Promise<number> {
    await this.pending.failInterrupted();
    await this.pending.removeExpired();
    await this.health.probeRegistered(IMS_PROBE_LIMIT);
    const ids = (await this.lease.findResumable(limit)).filter((id) => !this.runner.isRunning(id));
    for (const id of ids) this.runner.start(id);
    return ids.length;
  }

  private every(intervalMs: number, task: () => Promise<unknown>): void {
    if (intervalMs <= 0) return;
    let busy = false;
    const timer = setInterval(() => {
      if (busy || this.stopped) return;
      busy = true;
      task()
        .catch((error: unknown) => this.logger.error(error instanceof Error ? error.message : String(error)))
        .finally(() => (busy = false));
    }, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }
}
