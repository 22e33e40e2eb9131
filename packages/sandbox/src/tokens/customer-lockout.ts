/**
 * A customer's sign-in failures, as `customer_entity` keeps them (`failures_num`, `first_failure`,
 * `lock_expires`), in ms on the store's clock.
 */
export interface CustomerLockState {
  failuresNum: number;
  firstFailure: number | null;
  lockExpires: number | null;
}

/** `customer/password/lockout_failures` and `customer/password/lockout_threshold` (minutes); 0 turns the lock off. */
export interface CustomerLockConfig {
  failures: number;
  minutes: number;
}

export const UNLOCKED: CustomerLockState = { failuresNum: 0, firstFailure: null, lockExpires: null };

/** `Customer::isCustomerLocked()`: the lock has not expired yet. */
export function isCustomerLocked(state: CustomerLockState, nowMs: number): boolean {
  return state.lockExpires !== null && state.lockExpires > nowMs;
}

/**
 * `Magento\Customer\Model\Authentication::processAuthenticationFailure()`: one more failure; the first
 * failure (or the first after an expired lock) starts the count again, and reaching the maximum locks
 * the customer for the threshold. The count does not expire by time alone: only a successful sign-in
 * (`unlock()`) or an expired lock resets it. Pure.
 */
export function recordCustomerFailure(
  state: CustomerLockState,
  nowMs: number,
  config: CustomerLockConfig,
): CustomerLockState {
  if (config.failures <= 0 || config.minutes <= 0) return state;
  const failuresNum = state.failuresNum + 1;
  const lockExpired = state.lockExpires !== null && nowMs > state.lockExpires;
  if (failuresNum === 1 || state.firstFailure === null || lockExpired)
    return { failuresNum: 1, firstFailure: nowMs, lockExpires: null };
  const lockExpires = failuresNum >= config.failures ? nowMs + config.minutes * 60_000 : state.lockExpires;
  return { failuresNum, firstFailure: state.firstFailure, lockExpires };
}
