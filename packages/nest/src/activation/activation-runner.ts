import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isMagentoClientError } from '@magekit/client';
import { ActivationEntity } from '../entities/activation.entity';
import { StoreEntity } from '../entities/store.entity';
import { isMagentoIntegrationError } from '../errors/magento-integration-error';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG, MAGEKIT_SLEEP } from '../tokens';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { isPendingActivationState } from './activation-state';
import { ActivationLease } from './activation-lease';
import { HandshakeLease } from './handshake-lease';
import { ActivationSteps, LostLeaseError } from './activation-steps';
import { ActivationOutcomes } from './activation-outcomes';
import { CallbackTraffic } from './callback-traffic';
import { planRetry, type HandshakeStep } from './handshake-retry';

type StepResult = 'continue' | 'stop';

/**
 * Handshakes one instance runs at once; further ones wait in line, first come, first served. Each
 * run makes some 35 short statements: without a cap, a burst of callbacks starts hundreds of runs
 * that queue on the database pool in front of the callbacks still coming in (which then miss
 * Magento's 5 s POST timeout, docs/magento-behaviour.md §2.4). Eight runs keep a handshake going per
 * connection or so while leaving connections for callbacks; the other instances' sweepers take
 * runs still waiting here (they are unleased) if this instance falls behind.
 */
export const MAX_CONCURRENT_RUNS = 8;

/**
 * How long a run waits at most for the callbacks in flight on this instance before it takes a slot
 * ({@link CallbackTraffic}): a burst of callbacks is answered first, and no handshake starts more
 * than this late (a small part of Magento's consumer window, docs/magento-behaviour.md §2.4).
 */
export const CALLBACK_PRIORITY_MAX_MS = 10_000;

/**
 * Drives an activation from its persisted state to the end: request token, access token, probe.
 * Each step is persisted before the next, under a lease, so a crash at any point leaves a state
 * that the sweeper (or a Reauthorize) completes. Transient failures are retried with backoff;
 * the request-token step only while Magento's consumer window is open.
 */
@Injectable()
export class ActivationRunner {
  /** Identifies this instance's leases. */
  readonly owner = randomUUID();
  private readonly logger = new Logger('MagentoActivation');
  private readonly running = new Set<Promise<void>>();
  /** Activations with a run in flight here (a sweep does not start a second one). */
  private readonly started = new Set<string>();
  private busySlots = 0;
  private readonly waitingForSlot: Array<(taken: boolean) => void> = [];
  private stopping = false;

  constructor(
    @InjectRepository(ActivationEntity) private readonly activations: Repository<ActivationEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    private readonly lease: ActivationLease,
    private readonly handshake: HandshakeLease,
    private readonly steps: ActivationSteps,
    private readonly outcomes: ActivationOutcomes,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    @Inject(MAGEKIT_SLEEP) private readonly sleep: (ms: number) => Promise<void>,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
    private readonly traffic: CallbackTraffic,
  ) {}

  /** Runs an activation in the background (the callback has already been answered). */
  start(activationId: string): void {
    if (this.started.has(activationId)) return;
    this.started.add(activationId);
    const run = this.takeSlot()
      .then((taken) => (taken ? this.run(activationId).finally(() => this.giveSlot()) : undefined))
      .catch((error: unknown) =>
        this.logger.error(
          `Activation ${activationId} stopped: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        this.running.delete(run);
        this.started.delete(activationId);
      });
    this.running.add(run);
  }

  /**
   * Waits until no callback is in flight here (at most {@link CALLBACK_PRIORITY_MAX_MS}), then for
   * one of the {@link MAX_CONCURRENT_RUNS} slots (first come, first served); false when the instance
   * is stopping meanwhile (the activation stays unleased: any instance's sweeper resumes it).
   */
  private async takeSlot(): Promise<boolean> {
    if (!this.traffic.isQuiet()) {
      await this.traffic.whenQuiet(CALLBACK_PRIORITY_MAX_MS);
      if (this.stopping) return false;
    }
    if (this.busySlots < MAX_CONCURRENT_RUNS) {
      this.busySlots += 1;
      return true;
    }
    if (this.stopping) return false;
    const handedOver = await new Promise<boolean>((resolve) => this.waitingForSlot.push(resolve));
    return handedOver;
  }

  /** Hands the slot to the next waiting run, or frees it. */
  private giveSlot(): void {
    const next = this.waitingForSlot.shift();
    if (next) next(true);
    else this.busySlots -= 1;
  }

  /** True while a run started for this activation on this instance has not finished (or waits for a slot). */
  isRunning(activationId: string): boolean {
    return this.started.has(activationId);
  }

  /** Stops runs that wait for another run's store lease or for a slot (at shutdown); running steps finish. */
  stopWaiting(): void {
    this.stopping = true;
    this.traffic.releaseAll();
    for (const waiting of this.waitingForSlot.splice(0)) waiting(false);
  }

  /** Resolves when every background run of this instance has finished (for shutdown and tests). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * Runs the handshake of an activation's store, one run at a time per store on any instance (the
   * store's handshake lease). The holder runs the store's newest due pending activation, then looks
   * again, so a callback that arrived meanwhile is not left waiting for the sweeper. A run that finds
   * the lease held waits while a due activation is left for it: the holder normally takes it within
   * one step; if the holder died, its lease (one step long) expires and this run takes over.
   */
  async run(activationId: string): Promise<void> {
    const activation = await this.activations.findOne({
      where: { id: activationId },
      select: { id: true, storeId: true },
    });
    if (activation) await this.runStore(activation.storeId);
  }

  private async runStore(storeId: string): Promise<void> {
    const holder = randomUUID();
    for (let pass = 0; pass < 3; pass += 1) {
      if (!(await this.handshake.claim(storeId, holder, this.storeLeaseMs(0)))) {
        if (await this.awaitStoreLease(storeId)) continue;
        return;
      }
      try {
        const tried = new Set<string>();
        for (
          let next = await this.lease.findDueForStore(storeId, tried);
          next;
          next = await this.lease.findDueForStore(storeId, tried)
        ) {
          tried.add(next);
          await this.runActivation(next, storeId, holder);
        }
      } finally {
        await this.handshake.release(storeId, holder);
      }
      if (!(await this.lease.findDueForStore(storeId, new Set()))) return;
    }
  }

  /** Polls (real time) until the store's lease is free with a due activation left (true), or nothing is left for this run (false). */
  private async awaitStoreLease(storeId: string): Promise<boolean> {
    const deadline = Date.now() + this.storeLeaseMs(0) + 2000;
    while (!this.stopping && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200).unref());
      if (!(await this.lease.findDueForStore(storeId, new Set()))) return false;
      if (await this.handshake.isFree(storeId)) return true;
    }
    return false;
  }

  private async runActivation(activationId: string, storeId: string, holder: string): Promise<void> {
    if (!(await this.lease.claim(activationId, this.owner, this.leaseMs(0)))) return;
    try {
      // Both leases are renewed before every step: a run slowed down by a loaded database keeps its
      // activation, so no sweeper takes it over while it is alive and asks Magento for a token twice.
      const keepLease = async (extraMs: number) => {
        await this.handshake.extend(storeId, holder, this.storeLeaseMs(extraMs));
        await this.lease.extend(activationId, this.owner, this.leaseMs(extraMs));
      };
      while ((await this.step(activationId, keepLease)) === 'continue');
    } finally {
      await this.lease.release(activationId, this.owner);
    }
  }

  private async step(activationId: string, keepLease: (extraMs: number) => Promise<void>): Promise<StepResult> {
    await keepLease(0);
    const activation = await this.activations.findOneByOrFail({ id: activationId });
    if (!isPendingActivationState(activation.state)) return 'stop';
    const store = await this.stores.findOneByOrFail({ id: activation.storeId });
    if (activation.state === 'callback_received') {
      if (this.clock() >= activation.windowEndsAt.getTime())
        return this.outcomes.windowClosed(activation).then(() => 'stop');
      return this.attempt(
        activation,
        'request_token',
        () => this.steps.requestToken(activation, store, this.owner),
        keepLease,
      );
    }
    if (activation.state === 'request_token')
      return this.attempt(
        activation,
        'access_token',
        () => this.steps.accessToken(activation, store, this.owner),
        keepLease,
      );
    return this.attempt(activation, 'probe', () => this.steps.probe(activation, store, this.owner), keepLease);
  }

  private async attempt(
    activation: ActivationEntity,
    step: HandshakeStep,
    action: () => Promise<void>,
    keepLease: (extraMs: number) => Promise<void>,
  ): Promise<StepResult> {
    const attempts = activation.attempts + 1;
    await this.activations.update(
      { id: activation.id, leaseOwner: this.owner },
      { attempts, nextAttemptAt: null, updatedAt: new Date(this.clock()) },
    );
    try {
      await action();
      return 'continue';
    } catch (error) {
      if (error instanceof LostLeaseError) return 'stop';
      if (!isMagentoClientError(error) && !isMagentoIntegrationError(error)) throw error;
      const decision = planRetry({
        step,
        code: error.code,
        attempts,
        now: this.clock(),
        windowEndsAt: activation.windowEndsAt.getTime(),
        policy: this.config.handshake,
      });
      if (decision.retry) {
        await this.outcomes.retryScheduled(activation, step, error, decision.delayMs);
        await keepLease(decision.delayMs);
        await this.sleep(decision.delayMs);
        await this.activations.update({ id: activation.id, leaseOwner: this.owner }, { nextAttemptAt: null });
        return 'continue';
      }
      if (step === 'probe' && decision.reason === 'attempts_exhausted')
        await this.outcomes.probeDeferred(activation, error);
      else await this.outcomes.failed(activation, error, decision.reason);
      return 'stop';
    }
  }

  private leaseMs(extraMs: number): number {
    return extraMs + 2 * Math.max(this.config.handshake.timeoutMs, this.config.probe.timeoutMs) + 30_000;
  }

  /** The store lease covers one step (renewed before each): a dead holder blocks its store for one step's time at most. */
  private storeLeaseMs(extraMs: number): number {
    return extraMs + Math.max(this.config.handshake.timeoutMs, this.config.probe.timeoutMs) + 5000;
  }
}
