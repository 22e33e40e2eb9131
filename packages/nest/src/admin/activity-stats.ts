import { MagentoIntegrationError } from '../errors/magento-integration-error';
import type { ActivityDto } from './store-detail.dto';

/** Most days `GET /api/stats/activity` covers. */
export const MAX_ACTIVITY_DAYS = 365;

const DAY_MS = 86_400_000;

/**
 * Validates `days` (1–365, default 30). Pure.
 *
 * @throws MagentoIntegrationError `INVALID_INPUT`
 */
export function parseActivityDays(value: unknown): number {
  const text = Array.isArray(value) ? String(value[0]) : value === undefined || value === '' ? '30' : String(value);
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1 || days > MAX_ACTIVITY_DAYS) {
    throw new MagentoIntegrationError(
      `Invalid activity query: days must be an integer from 1 to ${MAX_ACTIVITY_DAYS}.`,
      'INVALID_INPUT',
    );
  }
  return days;
}

/** Start (ms, 00:00 UTC) of the first of `days` days ending with the UTC day of `now`. Pure. */
export function activityRangeStart(now: number, days: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
}

/** Counts instants per UTC day over `days` days from `start` (instants outside are ignored). Pure. */
export function bucketActivity(
  start: number,
  days: number,
  started: readonly Date[],
  failed: readonly Date[],
): ActivityDto {
  const points = Array.from({ length: days }, (_, i) => ({
    date: new Date(start + i * DAY_MS).toISOString().slice(0, 10),
    started: 0,
    failed: 0,
  }));
  const add = (instants: readonly Date[], field: 'started' | 'failed') => {
    for (const instant of instants) {
      const index = Math.floor((instant.getTime() - start) / DAY_MS);
      if (index >= 0 && index < days) points[index][field] += 1;
    }
  };
  add(started, 'started');
  add(failed, 'failed');
  return { days, points };
}
