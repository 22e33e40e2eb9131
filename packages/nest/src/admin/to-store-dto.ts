import type { ActivationEventEntity } from '../entities/activation-event.entity';
import type { ActivationEntity } from '../entities/activation.entity';
import type { StoreCallFailureEntity } from '../entities/store-call-failure.entity';
import type { StoreEntity } from '../entities/store.entity';
import type { VendorAccountEntity } from '../entities/vendor-account.entity';
import type { FailedCallDto } from './store-detail.dto';
import { storeCredentialOf } from '../stores/store-auth';
import { toStoreDtoOfRow } from './store-row';
import type { ActivationDto, ActivationEventDto, StoreDto } from './store-view.dto';

export { parseFactsJson } from './store-row';

/**
 * The admin API's view of a store entity (with its vendor account): the same allow-list as the
 * store list's rows ({@link toStoreDtoOfRow}), so no secret can slip out.
 */
export function toStoreDto(
  store: StoreEntity,
  account: VendorAccountEntity | null | undefined,
  imsTokenUrl: string,
): StoreDto {
  return toStoreDtoOfRow(
    {
      ...store,
      hasCredential: storeCredentialOf(store) !== null,
      accountId: account?.id ?? null,
      accountEmail: account?.email ?? null,
      accountName: account?.name ?? null,
    },
    imsTokenUrl,
  );
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
