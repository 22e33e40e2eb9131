/**
 * Estimates how far the store's clock is ahead of ours (ms, negative when behind) from a response
 * `Date` header, received at client time `receivedAt`. The header has one-second resolution and
 * is truncated, so the estimate errs towards "store is behind" — the safe side, since Magento
 * rejects only timestamps more than 600 s in its future (docs/magento-behaviour.md §1.5). Pure.
 *
 * @returns the skew, or null without a parseable `Date` header.
 */
export function estimateClockSkew(dateHeader: string | null | undefined, receivedAt: number): number | null {
  if (!dateHeader) return null;
  const serverTime = Date.parse(dateHeader);
  return Number.isFinite(serverTime) ? serverTime - receivedAt : null;
}

/** Skews below this are noise (the header's one-second resolution plus latency). */
export const SKEW_NOISE_MS = 2_000;

/**
 * The correction to adopt after Magento answered "An error occurred validating the nonce"
 * (a timestamp more than 600 s ahead of the store's clock): the estimate when it differs from
 * the applied offset by more than noise, else null (re-signing would not help). Pure.
 */
export function chooseSkewCorrection(estimateMs: number | null, appliedMs: number): number | null {
  if (estimateMs === null) return null;
  return Math.abs(estimateMs - appliedMs) > SKEW_NOISE_MS ? estimateMs : null;
}
