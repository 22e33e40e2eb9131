import type { StoreEdition } from '@magekit/client';
import { buildResult, type CheckResult } from './doctor-check';
import type { ResourceProbe } from './plan-resource-probes';
import {
  describeReply,
  hasPhrase,
  isNotImplemented,
  PHRASES,
  readRefusedResources,
  type StoreReply,
} from './store-reply';

/** What happened to one call: the ACL let it through, refused it, no route took it, something else, or not sent. */
export type CallOutcome = 'allowed' | 'refused' | 'not-routed' | 'error' | 'not-sent';

/** A planned probe and the store's answer (null when not sent). */
export interface ProbedCall {
  probe: ResourceProbe;
  reply: StoreReply | null;
}

/**
 * Reads one answer. Magento checks the ACL before it reads the input or runs the service
 * (`RequestValidator` inside `InputParamsResolver::resolve()`), so a 2xx, a 400 of the input, a 404 of
 * the entity, or the sandbox's 501 "does not implement" all mean allowed. On SaaS the ACL's refusal
 * is a 403 (docs/magento-behaviour.md §11.6). Pure.
 */
export function readCallOutcome(reply: StoreReply | null, edition: StoreEdition = 'paas'): CallOutcome {
  if (reply === null) return 'not-sent';
  if (readRefusedResources(reply, edition) !== null) return 'refused';
  if (reply.status === 404 && hasPhrase(reply, PHRASES.noRoute)) return 'not-routed';
  if (reply.status !== null && reply.status >= 200 && reply.status < 300) return 'allowed';
  if (isNotImplemented(reply)) return 'allowed';
  if (reply.error?.magento !== undefined && (reply.error.code === 'BAD_REQUEST' || reply.error.code === 'NOT_FOUND'))
    return 'allowed';
  return 'error';
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** `; 1 non-GET call not sent (it needs …); 1 not checked (Foo_Bar::baz: …)`, or ''. */
function describeUnsent(probes: readonly ResourceProbe[]): string {
  const changing = probes.filter((probe) => probe.method !== 'GET');
  const unchecked = probes.filter((probe) => probe.method === 'GET');
  const needs = unique(changing.flatMap((probe) => probe.resources).filter((id) => id !== 'anonymous'));
  const parts = [
    changing.length === 0
      ? ''
      : `${changing.length} non-GET ${changing.length === 1 ? 'call' : 'calls'} not sent (${needs.length > 0 ? `${changing.length === 1 ? 'it needs' : 'they need'} ${needs.join(', ')}` : 'no resource needed'})`,
    unchecked.length === 0
      ? ''
      : `${unchecked.length} not checked (${unchecked.map((probe) => `${probe.label}: ${(probe.reason ?? '').replace(/^not checked: /, '')}`).join('; ')})`,
  ];
  return parts
    .filter(Boolean)
    .map((part) => `; ${part}`)
    .join('');
}

/**
 * The required-resources check over GET probes that were sent and calls that were only listed:
 * fail on an ACL refusal or an unrouted call, warn on other errors, pass when every GET was
 * allowed; `skipped` when nothing could be sent. On SaaS the resources are the IMS credential's. Pure.
 */
export function classifyResources(calls: readonly ProbedCall[], edition: StoreEdition = 'paas'): CheckResult {
  const rows = calls.map(({ probe, reply }) => ({
    call: probe.label,
    route: probe.routeId,
    resources: probe.resources,
    outcome: readCallOutcome(reply, edition),
    answer: reply === null ? (probe.reason ?? 'not sent') : describeReply(reply),
  }));
  const by = (outcome: CallOutcome) => rows.filter((row) => row.outcome === outcome);
  const sent = rows.filter((row) => row.outcome !== 'not-sent');
  const listedText = describeUnsent(calls.filter(({ reply }) => reply === null).map(({ probe }) => probe));
  const details = {
    calls: rows,
    requiredResources: unique(rows.flatMap((row) => row.resources).filter((id) => id !== 'anonymous' && id !== 'self')),
  };
  const refused = by('refused');
  const notRouted = by('not-routed');
  const errors = by('error');
  if (sent.length === 0)
    return buildResult(
      'resources',
      'skipped',
      `no GET call to try${listedText}`,
      'Non-GET calls are never sent (they change data): grant the listed resources and test them in a staging store.',
      details,
    );
  if (refused.length > 0 || notRouted.length > 0) {
    const missing = unique(refused.flatMap((row) => row.resources));
    const parts = [
      refused.length > 0 ? `${refused.length} refused by the ACL (${refused.map((row) => row.call).join(', ')})` : '',
      notRouted.length > 0 ? `${notRouted.length} not routed (${notRouted.map((row) => row.call).join(', ')})` : '',
    ].filter(Boolean);
    const saas = edition === 'saas';
    const hints = [
      missing.length > 0
        ? saas
          ? `Grant ${missing.join(', ')} to the IMS credential's technical account (for a magekit sandbox credential: its resources, PUT /sandbox/admin/ims/credentials/:clientId).`
          : `Grant ${missing.join(', ')} to the integration (System > Extensions > Integrations > API, then Reauthorize; or its etc/integration.xml).`
        : '',
      notRouted.length > 0
        ? saas
          ? "An unrouted call is not in Adobe Commerce as a Cloud Service's REST API (Adobe's SaaS REST schema lacks some stock routes, e.g. CMS and search)."
          : 'An unrouted call needs a module this store does not have (or has disabled).'
        : '',
    ].filter(Boolean);
    return buildResult(
      'resources',
      'fail',
      `${sent.length - refused.length - notRouted.length} of ${sent.length} GET calls allowed; ${parts.join('; ')}${listedText}`,
      hints.join(' '),
      details,
    );
  }
  if (errors.length > 0) {
    return buildResult(
      'resources',
      'warn',
      `${sent.length - errors.length} of ${sent.length} GET calls allowed; ${errors.length} failed otherwise (${errors.map((row) => `${row.call}: ${row.answer}`).join('; ')})${listedText}`,
      'These answers do not say whether the ACL allows the call; retry, or try them by hand with `magekit curl`.',
      details,
    );
  }
  return buildResult(
    'resources',
    'pass',
    `${sent.length === 1 ? 'the GET call is' : `all ${sent.length} GET calls`} allowed${listedText}`,
    null,
    details,
  );
}
