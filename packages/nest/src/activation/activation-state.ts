import { MagentoIntegrationError } from '../errors/magento-integration-error';
import type { StoreStatus } from '../entities/store.entity';

/**
 * The states of one activation (docs/magento-behaviour.md §2, docs/architecture.md §3):
 * `callback_received` (callback persisted) → `request_token` (request token persisted) →
 * `access_token` (access token persisted on the store) → `active` (the probe accepted it).
 * `failed` ends an activation with a reason and a hint; `needs_reauth` ends one whose token the
 * store rejects. A Reauthorize is a new activation of the same store.
 */
export type ActivationState =
  'callback_received' | 'request_token' | 'access_token' | 'active' | 'failed' | 'needs_reauth';
export const ACTIVATION_STATES: readonly ActivationState[] = [
  'callback_received',
  'request_token',
  'access_token',
  'active',
  'failed',
  'needs_reauth',
];

/** What moves an activation on. */
export type ActivationEvent =
  | { type: 'request_token_issued' }
  | { type: 'access_token_issued' }
  | { type: 'probe_succeeded' }
  | { type: 'token_rejected' }
  | { type: 'failed' }
  | { type: 'reauth_requested' };

const TRANSITIONS: Readonly<Record<ActivationEvent['type'], Partial<Record<ActivationState, ActivationState>>>> = {
  request_token_issued: { callback_received: 'request_token' },
  access_token_issued: { request_token: 'access_token' },
  probe_succeeded: { access_token: 'active', active: 'active' },
  token_rejected: { access_token: 'needs_reauth', active: 'needs_reauth' },
  failed: { callback_received: 'failed', request_token: 'failed', access_token: 'failed' },
  reauth_requested: {
    access_token: 'needs_reauth',
    active: 'needs_reauth',
    failed: 'needs_reauth',
    needs_reauth: 'needs_reauth',
  },
};

/**
 * The state after `event`. Pure.
 *
 * @throws MagentoIntegrationError `INVALID_TRANSITION` when `event` cannot happen in `state`.
 */
export function nextActivationState(state: ActivationState, event: ActivationEvent): ActivationState {
  const next = TRANSITIONS[event.type]?.[state];
  if (!next) {
    throw new MagentoIntegrationError(
      `An activation in state ${state} cannot take ${event.type}.`,
      'INVALID_TRANSITION',
      {
        details: { state, event: event.type },
      },
    );
  }
  return next;
}

/** True when nothing more happens to an activation in `state` without a new callback. */
export function isFinalActivationState(state: ActivationState): boolean {
  return state === 'failed' || state === 'needs_reauth';
}

/** True while the handshake still has a step to run (the sweeper resumes these). */
export function isPendingActivationState(state: ActivationState): boolean {
  return state === 'callback_received' || state === 'request_token' || state === 'access_token';
}

/** The store status that the store's latest activation in `state` implies. */
export function storeStatusFor(state: ActivationState): StoreStatus {
  if (state === 'active') return 'active';
  if (state === 'failed') return 'failed';
  if (state === 'needs_reauth') return 'needs_reauth';
  return 'activating';
}
