import { describeBreadcrumb, type MagentoModel } from '@magekit/acl';
import type { ActivationEventEntity } from '../entities/activation-event.entity';
import type { StoreEntity, StoreFacts } from '../entities/store.entity';
import { storeCredentialOf } from '../stores/store-auth';
import { REJECTED_TOKEN_CODES } from '../stores/store-prober';
import { parseFactsJson } from './to-store-dto';
import type { ResourceReportDto, TokenHealthDto } from './store-detail.dto';

const NOT_CHECKED = 'Not checked yet: the next successful probe checks it (Probe now).';

/**
 * Token health from the store's latest activation timeline: its newest probe verdict (`active` /
 * `probe_ok` = ok, `probe_failed` = failing, `needs_reauth` with a rejection code = rejected);
 * `none` when no token is stored. Pure.
 */
export function readTokenHealth(store: StoreEntity, latestEvents: readonly ActivationEventEntity[]): TokenHealthDto {
  const empty = { checkedAt: null, code: null, message: null, hint: null };
  if (storeCredentialOf(store) === null)
    return { state: 'none', ...empty, code: store.statusCode, message: store.statusReason, hint: store.statusHint };
  if (store.authKind === 'ims') return readImsHealth(store);
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

/**
 * Token health of an `ims` store, from its row (it has no activation timeline): the last probe
 * worked (`ok`), IMS or the store refused the credential (`rejected`), it found no verdict
 * (`failing`), or it has not run yet (`unknown`). Pure.
 */
function readImsHealth(store: StoreEntity): TokenHealthDto {
  const checkedAt = store.lastProbedAt?.toISOString() ?? null;
  const problem = { checkedAt, code: store.statusCode, message: store.statusReason, hint: store.statusHint };
  if (checkedAt === null) return { state: 'unknown', ...problem, checkedAt: null };
  if (store.statusCode === null) {
    const views = parseFactsJson(store.facts)?.storeViews.length ?? 0;
    const message = `Probe ok: an IMS token was issued and the store answered (${views} store view(s)).`;
    return { state: 'ok', checkedAt, code: null, message, hint: null };
  }
  const rejected = (REJECTED_TOKEN_CODES as readonly string[]).includes(store.statusCode);
  return { state: rejected ? 'rejected' : 'failing', ...problem };
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
