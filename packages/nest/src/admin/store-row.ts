import type { StoreEntity, StoreFacts } from '../entities/store.entity';
import { imsScopesOf } from '../stores/store-auth';
import type { ImsCredentialDto, StoreDto } from './store-view.dto';

/**
 * The columns of a store the admin API shows, with its vendor account, as the list query reads
 * them (`store-list-sql.ts`): no ciphertext, only whether a credential is held. Timestamps are
 * `Date`s (PostgreSQL, MySQL/MariaDB) or UTC text (SQLite, `YYYY-MM-DD HH:MM:SS.SSS`).
 */
export interface StoreRow extends Pick<
  StoreEntity,
  | 'id'
  | 'tenant'
  | 'authKind'
  | 'edition'
  | 'consumerKey'
  | 'storeBaseUrl'
  | 'status'
  | 'statusCode'
  | 'statusReason'
  | 'statusHint'
  | 'signatureProfile'
  | 'imsClientId'
  | 'imsOrgId'
  | 'imsScopes'
  | 'imsTokenUrl'
  | 'facts'
> {
  /** The store holds a credential (see `storeCredentialOf`): a boolean, or 1/0 (a string on some drivers). */
  hasCredential: boolean | number | string;
  activatedAt: Date | string | null;
  lastProbedAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  /** The vendor account (null: none linked). */
  accountId: string | null;
  accountEmail: string | null;
  accountName: string | null;
}

/**
 * The admin API's view of a store row: an allow-list of fields, so no secret can slip out.
 * `imsTokenUrl`: the module's default IMS endpoint. Pure.
 */
export function toStoreDtoOfRow(row: StoreRow, imsTokenUrl: string): StoreDto {
  return {
    id: row.id,
    tenant: row.tenant,
    authKind: row.authKind,
    edition: row.edition,
    consumerKey: row.consumerKey,
    ims: toImsCredentialDto(row, imsTokenUrl),
    storeBaseUrl: row.storeBaseUrl,
    status: row.status,
    statusCode: row.statusCode,
    statusReason: row.statusReason,
    statusHint: row.statusHint,
    signatureProfile: row.signatureProfile,
    hasAccessToken: row.hasCredential === true || Number(row.hasCredential) === 1,
    vendorAccount:
      row.accountId === null ? null : { id: row.accountId, email: row.accountEmail ?? '', name: row.accountName ?? '' },
    facts: readFacts(row.facts),
    activatedAt: row.activatedAt === null ? null : iso(row.activatedAt),
    lastProbedAt: row.lastProbedAt === null ? null : iso(row.lastProbedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/**
 * A driver's timestamp as a `Date`: `Date`s as they are, SQLite's UTC text read as TypeORM's
 * SQLite driver reads it (a space for `T`, UTC when it names no zone). Pure.
 */
export function readTimestamp(value: Date | string): Date {
  if (value instanceof Date) return value;
  let text = /^\d\d\d\d-\d\d-\d\d \d\d:\d\d/.test(value) ? value.replace(' ', 'T') : value;
  if (/^\d\d\d\d-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d\d\d)?)?$/.test(text)) text += 'Z';
  return new Date(text);
}

/** An IMS store's credential without its secret; null for OAuth stores. */
function toImsCredentialDto(row: StoreRow, imsTokenUrl: string): ImsCredentialDto | null {
  if (row.authKind !== 'ims' || row.imsClientId === null) return null;
  return {
    clientId: row.imsClientId,
    orgId: row.imsOrgId,
    scopes: imsScopesOf(row),
    tokenUrl: row.imsTokenUrl ?? imsTokenUrl,
  };
}

/** The stored facts JSON, or null when absent or unreadable. */
export function parseFactsJson(json: string | null): StoreFacts | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as StoreFacts;
  } catch {
    return null;
  }
}

/** Store views, base URLs and probe path (resource checks are shown by the detail view). */
function readFacts(json: string | null): Pick<StoreFacts, 'storeViews' | 'baseUrls' | 'probePath'> | null {
  const facts = parseFactsJson(json);
  return facts
    ? { storeViews: facts.storeViews ?? [], baseUrls: facts.baseUrls ?? [], probePath: facts.probePath }
    : null;
}

/** SQLite's text as TypeORM writes it (`DateUtils.mixedDateToUtcDatetimeString`). */
const SQLITE_UTC_TEXT = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;

/** ISO 8601 in UTC; SQLite's own UTC text is rewritten without a `Date` (the same string, cheaper). */
export function iso(value: Date | string): string {
  if (typeof value === 'string' && SQLITE_UTC_TEXT.test(value)) return `${value.slice(0, 10)}T${value.slice(11)}Z`;
  return readTimestamp(value).toISOString();
}
