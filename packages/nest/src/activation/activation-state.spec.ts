import {
  ACTIVATION_STATES,
  isFinalActivationState,
  isPendingActivationState,
  nextActivationState,
  storeStatusFor,
  type ActivationEvent,
  type ActivationState,
} from './activation-state';

const EVENTS: ActivationEvent['type'][] = [
  'request_token_issued',
  'access_token_issued',
  'probe_succeeded',
  'token_rejected',
  'failed',
  'reauth_requested',
];

// Every allowed transition; every other (state, event) pair must be refused.
const ALLOWED: Array<[ActivationState, ActivationEvent['type'], ActivationState]> = [
  ['callback_received', 'request_token_issued', 'request_token'],
  ['request_token', 'access_token_issued', 'access_token'],
  ['access_token', 'probe_succeeded', 'active'],
  ['active', 'probe_succeeded', 'active'],
  ['access_token', 'token_rejected', 'needs_reauth'],
  ['active', 'token_rejected', 'needs_reauth'],
  ['callback_received', 'failed', 'failed'],
  ['request_token', 'failed', 'failed'],
  ['access_token', 'failed', 'failed'],
  ['access_token', 'reauth_requested', 'needs_reauth'],
  ['active', 'reauth_requested', 'needs_reauth'],
  ['failed', 'reauth_requested', 'needs_reauth'],
  ['needs_reauth', 'reauth_requested', 'needs_reauth'],
];

describe('activation state machine', () => {
  it.each(ALLOWED)('%s --%s--> %s', (state, event, next) => {
    expect(nextActivationState(state, { type: event })).toBe(next);
  });

  const refused = ACTIVATION_STATES.flatMap((state) => EVENTS.map((event) => [state, event] as const)).filter(
    ([state, event]) => !ALLOWED.some(([s, e]) => s === state && e === event),
  );

  it.each(refused)('%s refuses %s with INVALID_TRANSITION', (state, event) => {
    expect(() => nextActivationState(state, { type: event })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION', details: { state, event } }),
    );
  });

  it('walks the happy path in order', () => {
    let state: ActivationState = 'callback_received';
    for (const type of ['request_token_issued', 'access_token_issued', 'probe_succeeded'] as const)
      state = nextActivationState(state, { type });
    expect(state).toBe('active');
  });

  it('classifies states and maps them to store statuses', () => {
    expect(ACTIVATION_STATES.filter(isPendingActivationState)).toEqual([
      'callback_received',
      'request_token',
      'access_token',
    ]);
    expect(ACTIVATION_STATES.filter(isFinalActivationState)).toEqual(['failed', 'needs_reauth']);
    expect(ACTIVATION_STATES.map(storeStatusFor)).toEqual([
      'activating',
      'activating',
      'activating',
      'active',
      'failed',
      'needs_reauth',
    ]);
  });
});
