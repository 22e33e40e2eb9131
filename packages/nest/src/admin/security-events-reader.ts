import { In, LessThan, MoreThanOrEqual, type FindOptionsWhere, type Repository } from 'typeorm';
import {
  SECURITY_EVENT_TYPES,
  type SecurityEventEntity,
  type SecurityEventType,
} from '../entities/security-event.entity';
import type { StoreEntity } from '../entities/store.entity';
import type { SecurityEventCountsDto, SecurityEventDto, SecurityEventPageDto } from './security-events.dto';
import type { SecurityEventQuery } from './security-events-query';

/** The window of `counts`. */
export const SECURITY_COUNT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The tables {@link readSecurityEvents} reads. */
export interface SecurityEventSources {
  events: Repository<SecurityEventEntity>;
  stores: Repository<StoreEntity>;
}

/**
 * One page of security events, newest first (ties by id), and the events per type over the 24
 * hours before `now` (the log keeps at most `SECURITY_EVENTS_KEPT` rows, so they are counted in
 * TypeScript: portable across SQLite, PostgreSQL and MySQL).
 */
export async function readSecurityEvents(
  sources: SecurityEventSources,
  query: SecurityEventQuery,
  now: number,
): Promise<SecurityEventPageDto> {
  const scope: FindOptionsWhere<SecurityEventEntity> = query.storeId ? { storeId: query.storeId } : {};
  const [rows, recent] = await Promise.all([
    sources.events.find({
      where: {
        ...scope,
        ...(query.type ? { type: query.type } : {}),
        ...(query.before ? { occurredAt: LessThan(query.before) } : {}),
      },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: query.limit,
    }),
    sources.events.find({
      select: { id: true, type: true },
      where: { ...scope, occurredAt: MoreThanOrEqual(new Date(now - SECURITY_COUNT_WINDOW_MS)) },
    }),
  ]);
  const existing = await existingStoreIds(sources.stores, rows);
  return {
    items: rows.map((row) => toSecurityEventDto(row, existing.has(row.storeId ?? ''))),
    counts: countByType(recent.map((row) => row.type)),
  };
}

/** The admin API's view of an event: an allow-list of its columns. */
export function toSecurityEventDto(row: SecurityEventEntity, storeExists: boolean): SecurityEventDto {
  return {
    id: row.id,
    type: row.type,
    code: row.code,
    tenant: row.tenant,
    storeId: row.storeId,
    storeExists: row.storeId !== null && storeExists,
    consumerKey: row.consumerKey,
    storeBaseUrl: row.storeBaseUrl,
    sourceAddress: row.sourceAddress,
    message: row.message,
    occurredAt: row.occurredAt.toISOString(),
  };
}

/** Every type with its number of occurrences (0 when absent); unknown types are left out. */
export function countByType(types: readonly string[]): SecurityEventCountsDto {
  const counts = Object.fromEntries(SECURITY_EVENT_TYPES.map((type) => [type, 0])) as Record<SecurityEventType, number>;
  for (const type of types) if (type in counts) counts[type as SecurityEventType] += 1;
  return counts;
}

async function existingStoreIds(stores: Repository<StoreEntity>, rows: SecurityEventEntity[]): Promise<Set<string>> {
  const ids = [...new Set(rows.map((row) => row.storeId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Set();
  const found = await stores.find({ select: { id: true }, where: { id: In(ids) } });
  return new Set(found.map((store) => store.id));
}
