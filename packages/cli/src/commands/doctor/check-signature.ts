import { PROFILE_VERSIONS, type SignatureProfile } from '@magekit/oauth1';
import { buildResult, skipCheck, type CheckResult } from './doctor-check';
import { describeReply, hasPhrase, PHRASES, readRefusedResources, type StoreReply } from './store-reply';

/**
 * Query keys `a9` and `a10` sort differently in the two lines (docs/magento-behaviour.md §7): natural order in
 * 2.4.4–2.4.6 (`a9` first), byte order in the current line (`a10` first), so a request signed in
 * one profile fails the other's check.
 */
export const PROFILE_PROBE_QUERY = 'a9=magekit&a10=doctor';

/** How one profile's signed call came out. */
export type ProfileOutcome = 'accepted' | 'acl' | 'invalid' | 'error';

/**
 * `invalid`: "The signature is invalid"; `acl`: 401 "The consumer isn't authorized to access
 * %resources." (a verified caller the ACL refused, or a guest); `accepted`: the call got past the
 * OAuth check (2xx, or a 400/404 of the service); `error`: any other failure (unknown consumer,
 * revoked token, nonce, no route, network, 5xx). Pure.
 */
export function readProfileOutcome(reply: StoreReply): ProfileOutcome {
  if (reply.error?.code === 'SIGNATURE_INVALID' || hasPhrase(reply, PHRASES.signatureInvalid)) return 'invalid';
  if (readRefusedResources(reply) !== null) return 'acl';
  if (reply.status !== null && reply.status >= 200 && reply.status < 300) return 'accepted';
  if ((reply.error?.code === 'BAD_REQUEST' || reply.error?.code === 'NOT_FOUND') && !hasPhrase(reply, PHRASES.noRoute))
    return 'accepted';
  return 'error';
}

const PROXY_HINT =
  'Check the consumer secret and access token secret; otherwise a proxy changes what Magento signs: the scheme (TLS offload without X-Forwarded-Proto: https), the Host header (a port, another name) or the path. Compare base strings with `magekit explain`.';

/**
 * Signature profile: the same GET signed with `latest` and with `laminas` (no auto-detection);
 * the profile the store accepts tells its Magento line (docs/magento-behaviour.md §0, §1.4). Pure.
 *
 * @param headerArrives from the authorization-header check: false skips this check (every call is a guest).
 */
export function classifySignatureProfile(
  replies: Readonly<Record<SignatureProfile, StoreReply>>,
  headerArrives: boolean | null,
): CheckResult {
  const outcomes = { latest: readProfileOutcome(replies.latest), laminas: readProfileOutcome(replies.laminas) };
  const details = {
    outcomes,
    latest: describeReply(replies.latest),
    laminas: describeReply(replies.laminas),
    profile: null as SignatureProfile | null,
  };
  if (headerArrives === false)
    return skipCheck(
      'signature-profile',
      'not checked: the Authorization header does not reach Magento (see authorization-header)',
      'Fix the header passthrough first.',
    );
  for (const profile of ['latest', 'laminas'] as const) {
    if (outcomes[profile] === 'error') {
      const error = replies[profile].error;
      return buildResult(
        'signature-profile',
        'fail',
        `the call signed with ${profile} failed: ${describeReply(replies[profile])}`,
        error?.hint ?? "Check the store URL and the integration's credentials (active, not revoked or reauthorized).",
        details,
      );
    }
  }
  const verified = (['latest', 'laminas'] as const).filter((profile) => outcomes[profile] !== 'invalid');
  if (verified.length === 0)
    return buildResult(
      'signature-profile',
      'fail',
      'the signature is invalid with both profiles (latest and laminas)',
      PROXY_HINT,
      details,
    );
  if (verified.length === 1) {
    const profile = verified[0];
    details.profile = profile;
    const acl =
      outcomes[profile] === 'acl'
        ? ` (the test call itself was refused by the ACL: ${replies[profile].error?.message})`
        : '';
    return buildResult(
      'signature-profile',
      'pass',
      `the store verifies signatures with the ${profile} profile: ${PROFILE_VERSIONS[profile]}${acl}`,
      null,
      details,
    );
  }
  if (outcomes.latest === 'acl' && outcomes.laminas === 'acl') {
    return buildResult(
      'signature-profile',
      'warn',
      `Magento verified neither signature: both calls were answered as a guest (${describeReply(replies.latest)})`,
      "The integration may be inactive, or the header is dropped for this route only; run the authorization-header check's request by hand.",
      details,
    );
  }
  return buildResult(
    'signature-profile',
    'warn',
    'both profiles were accepted: this store does not check signatures the way Magento 2.4.4+ does',
    "Something other than Magento's OAuth code verifies requests (a proxy or a module); sign with latest unless told otherwise.",
    details,
  );
}

/** The profile the check found, or null. */
export function readDetectedProfile(result: CheckResult): SignatureProfile | null {
  return (result.details['profile'] as SignatureProfile | null | undefined) ?? null;
}
