import { describeBreadcrumb, type MagentoModel } from '@magekit/acl';
import type { ActivationEventEntity } from '../entities/activation-event.entity';
import type { StoreEntity, StoreFacts } from '../entities/store.entity';
import { REJECTED_TOKEN_CODES } from '../stores/store-prober';
import type { ResourceReportDto, TokenHealthDto } from './store-detail.dto';

const NOT_CHECKED = 'Not checked yet: the next successful probe checks it (Probe now).';

/**
 * Token health from the store's latest activation timeline: its newest probe verdict (`active` /
 * `probe_ok` = ok, `probe_failed` = failing, `needs_reauth` with a rejection code = rejected);
 * `none` when no token is stored. Pure.
 */
export function readTokenHealth(store: StoreEntity, latestEvents: readonly ActivationEventEntity[]): TokenHealthDto {
  const empty = { checkedAt: null, code: null, message: null, hint: null };
  if (store.accessTokenEnc === null)
    return { state: 'none', ...empty, code: store.statusCode, message: store.statusReason, hint: store.statusHint };
  for (let i = latestEvents.length - 1; i >= 0; i -= 1) {
    const event = latestEvents[i];
    const seen = {
      checkedAt: event.occurredAt.toISOString(),
      code: event.code,
      message: event.message,
      hint: event.hint,
    };
    if (event.type === 'active' || event.type === 'probe_ok') return { state: 'ok', ...seen };
    if (event.type === 'probe_failed') return { state: 'failing', ...seen };
    if (event.type === 'needs_reauth' && (REJECTED_TOKEN_CODES as readonly string[]).includes(event.code ?? ''))
      return { state: 'rejected', ...seen };
  }
  return { state: 'unknown', ...empty };
}

/** Each required resource with its title from the ACL tree and the last check's verdict. Pure. */
export function buildResourceReport(
  required: readonly string[],
  facts: StoreFacts | null,
  model: MagentoModel,
): ResourceReportDto {
  const checks = new Map((facts?.resources ?? []).map((check) => [check.id, check]));
  const items = required.map((id) => {
    const node = model.tree.nodes.get(id);
    const check = checks.get(id);
    return {
      id,
      title: node?.title || id,
      breadcrumb: describeBreadcrumb(model.tree, id),
      state: check?.state ?? 'unknown',
      route: check?.route ?? null,
      status: check?.status ?? null,
      detail: check ? check.detail : NOT_CHECKED,
    };
  });
  return { checkedAt: facts?.resourcesCheckedAt ?? null, items };
}
