import { isCustomerLocked, recordCustomerFailure, UNLOCKED, type CustomerLockState } from './customer-lockout';

const config = { failures: 10, minutes: 10 };
const MINUTE = 60_000;

function fail(times: number, state: CustomerLockState = UNLOCKED, at = 0): CustomerLockState {
  let next = state;
  for (let i = 0; i < times; i += 1) next = recordCustomerFailure(next, at, config);
  return next;
}

describe('the per-customer lock (Customer\\Model\\Authentication)', () => {
  it('nine failures do not lock; the tenth locks for lockout_threshold minutes', () => {
    expect(isCustomerLocked(fail(9), 0)).toBe(false);
    const locked = fail(10);
    expect(locked).toEqual({ failuresNum: 10, firstFailure: 0, lockExpires: 10 * MINUTE });
    expect(isCustomerLocked(locked, 10 * MINUTE - 1)).toBe(true);
    expect(isCustomerLocked(locked, 10 * MINUTE)).toBe(false);
  });

  it('failures do not expire by time alone: nine now and one a day later lock', () => {
    const nine = fail(9);
    expect(isCustomerLocked(recordCustomerFailure(nine, 24 * 60 * MINUTE, config), 24 * 60 * MINUTE)).toBe(true);
  });

  it('the first failure after an expired lock starts the count again', () => {
    const after = recordCustomerFailure(fail(10), 11 * MINUTE, config);
    expect(after).toEqual({ failuresNum: 1, firstFailure: 11 * MINUTE, lockExpires: null });
  });

  it('a lockout_failures or lockout_threshold of 0 turns the lock off', () => {
    expect(recordCustomerFailure(fail(3), 0, { failures: 0, minutes: 10 })).toEqual(fail(3));
    expect(recordCustomerFailure(fail(9), 0, { failures: 10, minutes: 0 })).toEqual(fail(9));
  });
});
