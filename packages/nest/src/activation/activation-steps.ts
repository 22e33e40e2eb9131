import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isMagentoClientError, MagentoClientError, requestAccessToken, requestRequestToken } from '@magekit/client';
import { SecretBox } from '../crypto/secret-box';
import { ActivationEntity } from '../entities/activation.entity';
import { StoreEntity } from '../entities/store.entity';
import { StoreClientFactory } from '../stores/store-client.factory';
import { StoreProber } from '../stores/store-prober';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG } from '../tokens';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { nextActivationState, type ActivationState } from './activation-state';
import { ActivationOutcomes } from './activation-outcomes';
import { ActivationTimeline } from './activation-timeline';

const LOST_TOKEN_HINT =
  'Magento no longer knows the request token: an earlier attempt of this step was answered but its answer was lost (a crash or a timeout), ' +
  'so Magento already exchanged the token, or the merchant reauthorized since. The access token cannot be fetched twice: ask the merchant to click Reauthorize in System > Extensions > Integrations.';

/**
 * Magento replaces the request token's value when it issues the access token (`Token::convertToAccess`),
 * so asking again with the saved request token gets "Specified token does not exist" (`TOKEN_INVALID`).
 * For this step that means the handshake state is gone, not a bad token: `HANDSHAKE_STATE` with the Reauthorize hint.
 */
function explainLostRequestToken(error: unknown): never {
  if (isMagentoClientError(error) && error.code === 'TOKEN_INVALID')
    throw new MagentoClientError(error.message, 'HANDSHAKE_STATE', { hint: LOST_TOKEN_HINT, cause: error });
  throw error;
}

/** Thrown when a conditional update finds the activation changed under us (superseded, taken over). */
export class LostLeaseError extends Error {
  override readonly name = 'LostLeaseError';
}

/**
 * The three steps of an activation. Each one performs its call and then persists the result
 * together with the new state in one conditional row update (state and lease owner must still
 * be what they were), before the next step may start.
 */
@Injectable()
export class ActivationSteps {
  constructor(
    @InjectRepository(ActivationEntity) private readonly activations: Repository<ActivationEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    private readonly clients: StoreClientFactory,
    private readonly prober: StoreProber,
    private readonly secrets: SecretBox,
    private readonly timeline: ActivationTimeline,
    private readonly outcomes: ActivationOutcomes,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
  ) {}

  /** Signed `POST /oauth/token/request` (consumer only), inside the consumer window. */
  async requestToken(activation: ActivationEntity, store: StoreEntity, owner: string): Promise<void> {
    const pair = await requestRequestToken(this.clients.handshakeFor(store, this.config.handshake.timeoutMs));
    await this.advance(activation, owner, 'request_token_issued', {
      requestTokenEnc: this.seal(activation, 'request_token_enc', pair.token),
      requestTokenSecretEnc: this.seal(activation, 'request_token_secret_enc', pair.tokenSecret),
    });
    await this.timeline.append(activation, { type: 'request_token', message: 'Magento issued a request token.' });
  }

  /** Signed `POST /oauth/token/access` with the request token and the callback's verifier. */
  async accessToken(activation: ActivationEntity, store: StoreEntity, owner: string): Promise<void> {
    const open = (column: string, value: string | null) =>
      this.secrets.open('magekit_activations', column, activation.id, value ?? '');
    const pair = await requestAccessToken({
      ...this.clients.handshakeFor(store, this.config.handshake.timeoutMs),
      requestToken: open('request_token_enc', activation.requestTokenEnc),
      requestTokenSecret: open('request_token_secret_enc', activation.requestTokenSecretEnc),
      verifier: open('verifier_enc', activation.verifierEnc),
    }).catch(explainLostRequestToken);
    await this.advance(activation, owner, 'access_token_issued', {
      accessTokenEnc: this.seal(activation, 'access_token_enc', pair.token),
      accessTokenSecretEnc: this.seal(activation, 'access_token_secret_enc', pair.tokenSecret),
      requestTokenEnc: null,
      requestTokenSecretEnc: null,
    });
    await this.timeline.append(activation, {
      type: 'access_token',
      message: 'Magento issued the access token; the integration is active in Magento.',
    });
  }

  /** Puts the access token on the store (idempotent) and probes it: `active` or `needs_reauth`. */
  async probe(activation: ActivationEntity, store: StoreEntity, owner: string): Promise<void> {
    const current = await this.copyTokensToStore(activation, store);
    const outcome = await this.prober.run(current);
    if (outcome.kind === 'error') throw outcome.error;
    if (outcome.kind === 'rejected') return this.outcomes.tokenRejected(activation, outcome.error);
    await this.advance(activation, owner, 'probe_succeeded', { accessTokenEnc: null, accessTokenSecretEnc: null });
    await this.outcomes.activated(activation, outcome.facts);
  }

  private async copyTokensToStore(activation: ActivationEntity, store: StoreEntity): Promise<StoreEntity> {
    if (activation.accessTokenEnc && activation.accessTokenSecretEnc) {
      const move = (from: string, to: string, value: string) =>
        this.secrets.seal(
          'magekit_stores',
          to,
          store.id,
          this.secrets.open('magekit_activations', from, activation.id, value),
        );
      await this.stores.update(
        { id: store.id },
        {
          accessTokenEnc: move('access_token_enc', 'access_token_enc', activation.accessTokenEnc),
          accessTokenSecretEnc: move(
            'access_token_secret_enc',
            'access_token_secret_enc',
            activation.accessTokenSecretEnc,
          ),
          updatedAt: new Date(this.clock()),
        },
      );
    }
    return this.stores.findOneByOrFail({ id: store.id });
  }

  private async advance(
    activation: ActivationEntity,
    owner: string,
    event: 'request_token_issued' | 'access_token_issued' | 'probe_succeeded',
    changes: Partial<ActivationEntity>,
  ): Promise<void> {
    const state: ActivationState = nextActivationState(activation.state, { type: event });
    const result = await this.activations.update(
      { id: activation.id, state: activation.state, leaseOwner: owner },
      { ...changes, state, attempts: 0, updatedAt: new Date(this.clock()) },
    );
    if (!result.affected) throw new LostLeaseError(`Activation ${activation.id} changed while step ${event} ran.`);
    Object.assign(activation, changes, { state, attempts: 0 });
  }

  private seal(activation: ActivationEntity, column: string, value: string): string {
    return this.secrets.seal('magekit_activations', column, activation.id, value);
  }
}
