import type { ActivationEventEntity } from '../entities/activation-event.entity';
import type { ActivationEntity } from '../entities/activation.entity';
import type { StoreCallFailureEntity } from '../entities/store-call-failure.entity';
import type { StoreEntity, StoreFacts } from '../entities/store.entity';
import type { VendorAccountEntity } from '../entities/vendor-account.entity';
import type { FailedCallDto } from './store-detail.dto';
import { imsScopesOf, storeCredentialOf } from '../stores/store-auth';
import type { ActivationDto, ActivationEventDto, ImsCredentialDto, StoreDto } from './store-view.dto';

/** The admin API's view of a store: an allow-list of fields, so no secret can slip out. */
export function toStoreDto(
  store: StoreEntity,
  account: VendorAccountEntity | null | undefined,
  imsTokenUrl: string,
): StoreDto {
  return {
    id: store.id,
    tenant: store.tenant,
    authKind: store.authKind,
    edition: store.edition,
    consumerKey: store.consumerKey,
    ims: toImsCredentialDto(store, imsTokenUrl),
    storeBaseUrl: store.storeBaseUrl,
    status: store.status,
    statusCode: store.statusCode,
    statusReason: store.statusReason,
    statusHint: store.statusHint,
    signatureProfile: store.signatureProfile,
    hasAccessToken: storeCredentialOf(store) !== null,
    vendorAccount: account ? { id: account.id, email: account.email, name: account.name } : null,
    facts: readFacts(store.facts),
    activatedAt: iso(store.activatedAt),
    lastProbedAt: iso(store.lastProbedAt),
    createdAt: store.createdAt.toISOString(),
    updatedAt: store.updatedAt.toISOString(),
  };
}

/** An IMS store's credential without its secret (`imsTokenUrl`: the module's default endpoint); null for OAuth stores. */
function toImsCredentialDto(store: StoreEntity, imsTokenUrl: string): ImsCredentialDto | null {
  if (store.authKind !== 'ims' || store.imsClientId === null) return null;
  return {
    clientId: store.imsClientId,
    orgId: store.imsOrgId,
    scopes: imsScopesOf(store),
    tokenUrl: store.imsTokenUrl ?? imsTokenUrl,
  };
}

/** An activation with its events (oldest first), without its encrypted columns. */
export function toActivationDto(activation: ActivationEntity, events: ActivationEventEntity[]): ActivationDto {
  return {
    id: activation.id,
    state: activation.state,
    attempts: activation.attempts,
    failureCode: activation.failureCode,
    failureReason: activation.failureReason,
    failureHint: activation.failureHint,
    windowEndsAt: activation.windowEndsAt.toISOString(),
    createdAt: activation.createdAt.toISOString(),
    updatedAt: activation.updatedAt.toISOString(),
    events: events.map(toEventDto),
  };
}

/** A recorded failed call (already free of secrets). */
export function toFailedCallDto(row: StoreCallFailureEntity): FailedCallDto {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    method: row.method,
    path: row.path,
    status: row.status,
    code: row.code,
    message: row.message,
    hint: row.hint,
    attempts: row.attempts,
    baseString: row.baseString,
    signatureProfile: row.signatureProfile,
  };
}

function toEventDto(event: ActivationEventEntity): ActivationEventDto {
  return {
    position: event.position,
    type: event.type,
    message: event.message,
    code: event.code,
    hint: event.hint,
    occurredAt: event.occurredAt.toISOString(),
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

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
