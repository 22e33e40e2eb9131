import { SECURITY_EVENT_TYPES, type SecurityEventType } from '../entities/security-event.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';

/** A validated `GET /api/security-events` query. */
export interface SecurityEventQuery {
  type: SecurityEventType | null;
  storeId: string | null;
  limit: number;
  /**
   * Only events strictly older than this (the `occurredAt` of the last event of the previous page;
   * another event of that same millisecond beyond the page boundary is not shown).
   */
  before: Date | null;
}

/** Largest page of security events the admin API serves. */
export const MAX_SECURITY_EVENTS_PAGE = 200;
/** Page size when `limit` is not given. */
export const DEFAULT_SECURITY_EVENTS_PAGE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Validates `type` (one of the event types), `storeId` (a uuid), `limit` (1–200, default 50) and
 * `before` (an ISO 8601 timestamp with its time zone). Pure.
 *
 * @throws MagentoIntegrationError `INVALID_INPUT` naming every bad parameter.
 */
export function parseSecurityEventQuery(query: Record<string, unknown>): SecurityEventQuery {
  const problems: string[] = [];
  const read = (name: string) => readSingle(query[name], name, problems);
  const type = read('type');
  if (type !== null && !SECURITY_EVENT_TYPES.includes(type as SecurityEventType))
    problems.push(`type must be one of ${SECURITY_EVENT_TYPES.join(', ')}`);
  const storeId = read('storeId');
  if (storeId !== null && !UUID.test(storeId)) problems.push('storeId must be a uuid');
  const limitText = read('limit');
  const limit = limitText === null ? DEFAULT_SECURITY_EVENTS_PAGE : Number(limitText);
  if (limitText !== null && (!/^\d+$/.test(limitText) || limit < 1 || limit > MAX_SECURITY_EVENTS_PAGE))
    problems.push(`limit must be an integer from 1 to ${MAX_SECURITY_EVENTS_PAGE}`);
  const beforeText = read('before');
  const before = beforeText === null ? null : new Date(beforeText);
  if (beforeText !== null && (!ISO_TIMESTAMP.test(beforeText) || Number.isNaN(before!.getTime())))
    problems.push('before must be an ISO 8601 timestamp with a time zone, e.g. 2026-01-31T12:00:00.000Z');
  if (problems.length > 0)
    throw new MagentoIntegrationError(`Invalid security-events query: ${problems.join('; ')}.`, 'INVALID_INPUT');
  return { type: type as SecurityEventType | null, storeId: storeId?.toLowerCase() ?? null, limit, before };
}

function readSingle(value: unknown, name: string, problems: string[]): string | null {
  if (value === undefined || value === '') return null;
  if (Array.isArray(value) || typeof value !== 'string') {
    problems.push(`${name} must be given once`);
    return null;
  }
  return value;
}
