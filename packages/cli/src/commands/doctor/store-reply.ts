import type { MagentoClientError, StoreEdition } from '@magekit/client';

/** What the store answered to one probe (signed or not), reduced to what the checks read. */
export interface StoreReply {
  /** HTTP status, or null when no answer came (refused connection, DNS, timeout). */
  status: number | null;
  /** The typed error of a non-2xx answer or of no answer (Magento's raw phrase in `error.magento`); null for 2xx. */
  error: MagentoClientError | null;
  /** `Content-Type` of the answer, when known. */
  contentType: string | null;
  /** `Location` of a redirect. */
  location: string | null;
  /** The `Date` header, when known. */
  dateHeader: string | null;
  /** Local clock (ms) when the headers arrived. */
  receivedAt: number | null;
  /** Time from sending to the headers (ms). */
  durationMs: number | null;
  /** The `X-Magekit-Sandbox-Version` header of the answer (set by `sendProbe`), when there was one. */
  sandboxProfile?: string | null;
}

/** Magento's phrases the checks recognise (raw, as the REST error JSON carries them: docs/magento-behaviour.md §1.7, §4.2, §4.3). */
export const PHRASES = {
  noRoute: 'Request does not match any route.',
  notAuthorized: "The consumer isn't authorized to access %resources.",
  versionRejected: 'The "%1" Oauth version isn\'t supported.',
  signatureInvalid: 'The signature is invalid. Verify and try again.',
  productMissing: "The product that was requested doesn't exist. Verify the product and try again.",
  maxPageSize: 'Maximum SearchCriteria pageSize is %max',
} as const;

/** Magento's raw phrase of a JSON error answer, or null. */
export function readPhrase(reply: StoreReply): string | null {
  return reply.error?.magento?.message ?? null;
}

/** True when the answer is Magento's REST error JSON with this raw phrase. */
export function hasPhrase(reply: StoreReply, phrase: string): boolean {
  return readPhrase(reply) === phrase;
}

/**
 * The `%resources` of a "The consumer isn't authorized to access %resources." answer, or null. Magento
 * sends it with 401; on Adobe Commerce as a Cloud Service a 403 carries it (the gateway's 401 is for
 * tokens, docs/magento-behaviour.md §11.6), so `saas` takes both.
 */
export function readRefusedResources(reply: StoreReply, edition: StoreEdition = 'paas'): string[] | null {
  const statuses = edition === 'saas' ? [401, 403] : [401];
  if (reply.status === null || !statuses.includes(reply.status) || !hasPhrase(reply, PHRASES.notAuthorized))
    return null;
  const parameters = reply.error?.magento?.parameters as { resources?: unknown } | undefined;
  const resources = typeof parameters?.resources === 'string' ? parameters.resources : '';
  return resources
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/** True for the sandbox's 501 "does not implement" (the route and its ACL were checked, no handler). */
export function isNotImplemented(reply: StoreReply): boolean {
  return reply.status === 501 && /does not implement/.test(reply.error?.message ?? '');
}

/** True when the body was not JSON (a web server's or proxy's page). */
export function isNonJsonAnswer(reply: StoreReply): boolean {
  return (
    reply.status !== null &&
    reply.error !== null &&
    reply.error.magento === undefined &&
    !/json/i.test(reply.contentType ?? '')
  );
}

/** One line for a finding: `HTTP 404 "Request does not match any route."`, `HTTP 200`, or `no answer: …`. */
export function describeReply(reply: StoreReply): string {
  if (reply.status === null) return `no answer: ${reply.error?.message ?? 'unknown error'}`;
  if (reply.error === null) return `HTTP ${reply.status}`;
  if (reply.error.magento === undefined)
    return `HTTP ${reply.status}${reply.contentType ? ` (${reply.contentType.split(';')[0]})` : ''}`;
  return `HTTP ${reply.status} "${reply.error.message}"`;
}
