import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { MagentoClientError } from '@magekit/client';
import { ActivationEntity } from '../entities/activation.entity';
import { StoreEntity, type StoreFacts } from '../entities/store.entity';
import type { MagentoIntegrationError } from '../errors/magento-integration-error';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG } from '../tokens';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { nextActivationState, type ActivationEvent } from './activation-state';
import { ActivationTimeline } from './activation-timeline';
import type { HandshakeStep, RetryDecision } from './handshake-retry';

type StepError = MagentoClientError | MagentoIntegrationError;

const WINDOW_HINT =
  'Magento accepts /oauth/token/request only within oauth/consumer/expiration_period (300 s by default) of Activate. Ask the merchant to click Reauthorize in System > Extensions > Integrations.';
const REAUTH_HINT =
  'The store no longer accepts the stored token (revoked, reauthorized elsewhere, or the integration was recreated). Ask the merchant to click Reauthorize in System > Extensions > Integrations.';
const PROBE_RETRY_MS = 5 * 60_000;

/** Writes the end states of activations (and their stores) with their timeline entries. */
@Injectable()
export class ActivationOutcomes {
  constructor(
    @InjectRepository(ActivationEntity) private readonly activations: Repository<ActivationEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    private readonly timeline: ActivationTimeline,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
  ) {}

  async activated(activation: ActivationEntity, facts: StoreFacts): Promise<void> {
    const now = new Date(this.clock());
    await this.stores.update(
      { id: activation.storeId },
      {
        status: 'active',
        statusCode: null,
        statusReason: null,
        statusHint: null,
        facts: JSON.stringify(facts),
        activatedAt: now,
        lastProbedAt: now,
        updatedAt: now,
      },
    );
    await this.timeline.append(activation, {
      type: 'active',
      message: `The access token works (${this.config.probe.path}: ${facts.storeViews.length} store view(s)).`,
    });
  }

  async failed(
    activation: ActivationEntity,
    error: StepError,
    reason: Exclude<RetryDecision, { retry: true }>['reason'],
  ): Promise<void> {
    const suffix =
      reason === 'attempts_exhausted'
        ? ` (gave up after ${this.config.handshake.maxAttempts} attempts)`
        : reason === 'window_closed'
          ? ' (no time left in the consumer window to retry)'
          : '';
    const hint = error.hint ?? (reason === 'window_closed' ? WINDOW_HINT : undefined);
    await this.end(
      activation,
      { type: 'failed' },
      { code: error.code, reason: `${error.message}${suffix}`, hint: hint ?? null },
    );
  }

  async windowClosed(activation: ActivationEntity): Promise<void> {
    await this.end(
      activation,
      { type: 'failed' },
      {
        code: 'WINDOW_CLOSED',
        reason: 'The consumer window closed before the request token was obtained.',
        hint: WINDOW_HINT,
      },
    );
  }

  async tokenRejected(activation: ActivationEntity, error: StepError): Promise<void> {
    await this.end(
      activation,
      { type: 'token_rejected' },
      { code: error.code, reason: error.message, hint: error.hint ?? REAUTH_HINT },
    );
  }

  async retryScheduled(
    activation: ActivationEntity,
    step: HandshakeStep,
    error: StepError,
    delayMs: number,
  ): Promise<void> {
    await this.activations.update({ id: activation.id }, { nextAttemptAt: new Date(this.clock() + delayMs) });
    await this.timeline.append(activation, {
      type: 'retry_scheduled',
      message: `${step} failed (${error.message}); retrying in ${delayMs} ms.`,
      code: error.code,
    });
  }

  /** The token was issued but the store could not be probed: try again later (the sweeper will). */
  async probeDeferred(activation: ActivationEntity, error: StepError): Promise<void> {
    const now = this.clock();
    await this.activations.update(
      { id: activation.id },
      { nextAttemptAt: new Date(now + PROBE_RETRY_MS), attempts: 0, updatedAt: new Date(now) },
    );
    await this.stores.update(
      { id: activation.storeId },
      {
        statusCode: error.code,
        statusReason: `Probe failed: ${error.message}`,
        statusHint: error.hint ?? null,
        updatedAt: new Date(now),
      },
    );
    await this.timeline.append(activation, {
      type: 'probe_failed',
      message: `The probe failed (${error.message}); trying again in ${PROBE_RETRY_MS / 60_000} min.`,
      code: error.code,
      hint: error.hint ?? null,
    });
  }

  private async end(
    activation: ActivationEntity,
    event: ActivationEvent,
    problem: { code: string; reason: string; hint: string | null },
  ): Promise<void> {
    const state = nextActivationState(activation.state, event);
    const now = new Date(this.clock());
    const result = await this.activations.update(
      { id: activation.id, state: activation.state },
      {
        state,
        failureCode: problem.code,
        failureReason: problem.reason,
        failureHint: problem.hint,
        accessTokenEnc: null,
        accessTokenSecretEnc: null,
        requestTokenEnc: null,
        requestTokenSecretEnc: null,
        nextAttemptAt: null,
        updatedAt: now,
      },
    );
    if (!result.affected) return;
    activation.state = state;
    await this.stores.update(
      { id: activation.storeId },
      {
        status: state === 'failed' ? 'failed' : 'needs_reauth',
        statusCode: problem.code,
        statusReason: problem.reason,
        statusHint: problem.hint,
        updatedAt: now,
      },
    );
    await this.timeline.append(activation, {
      type: state === 'failed' ? 'failed' : 'needs_reauth',
      message: problem.reason,
      code: problem.code,
      hint: problem.hint,
    });
  }
}
