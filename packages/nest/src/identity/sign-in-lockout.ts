import { sha256Hex } from '../crypto/token-hash';
import type { SignInAttemptKind } from '../entities/sign-in-attempt.entity';

/** Failures from one client IP that throttle it (429, whatever the e-mails), as long as `maxFailures` is lower. */
export const IP_MAX_FAILURES = 30;

/** The module's default lockout (`signIn` option unset): 6 failures of one e-mail in 15 minutes. */
export const DEFAULT_SIGN_IN_LOCKOUT: SignInLockoutSettings = { maxFailures: 6, lockMs: 15 * 60_000 };

/** The lockout settings (`signIn` option, resolved). */
export interface SignInLockoutSettings {
  /** Failures of one e-mail within the window that lock it. */
  maxFailures: number;
  /** Length of a window, started by its first failure. */
  lockMs: number;
}

/** One counter key: a kind and the SHA-256 hex of its normalised value (never the plain value). */
export interface SignInSubject {
  kind: SignInAttemptKind;
  subjectHash: string;
}

/** A counter as stored. */
export interface SignInCounter extends SignInSubject {
  failures: number;
  windowEndsAt: Date;
}

/** Whether a sign-in is refused, and until when. */
export interface SignInLockout {
  locked: boolean;
  /** End of the latest locking window (null when not locked). */
  until: Date | null;
  /**
   * Which counter locks: `ip` (the client address reached its limit: answered 429, never "wrong
   * password") or `email` (that e-mail reached its limit: the generic page with "wait N minutes").
   */
  by: SignInAttemptKind | null;
}

/** The e-mail as accounts store it: trimmed and lower-cased. */
export function normalizeEmail(email: unknown): string {
  return String(email ?? '')
    .trim()
    .toLowerCase();
}

/** The e-mail's counter key. */
export function emailSubject(email: unknown): SignInSubject {
  return { kind: 'email', subjectHash: sha256Hex(normalizeEmail(email)) };
}

/** The client IP's counter key (`req.ip`; an absent IP shares one counter). */
export function ipSubject(ip: string | undefined): SignInSubject {
  return {
    kind: 'ip',
    subjectHash: sha256Hex(
      String(ip ?? '')
        .trim()
        .toLowerCase() || 'unknown',
    ),
  };
}

/** How many failures lock a subject of `kind`. */
export function failureLimit(kind: SignInAttemptKind, settings: SignInLockoutSettings): number {
  return kind === 'email' ? settings.maxFailures : Math.max(IP_MAX_FAILURES, settings.maxFailures);
}

/**
 * Decides from the stored counters whether a sign-in is refused at `now`: a counter locks when
 * its window has not ended and it holds at least its kind's limit. Ended windows are ignored. A
 * locked IP decides (its window end is `until`); otherwise the latest locked e-mail window.
 */
export function findLockout(
  counters: readonly SignInCounter[],
  now: number,
  settings: SignInLockoutSettings,
): SignInLockout {
  const latest: Record<SignInAttemptKind, Date | null> = { ip: null, email: null };
  for (const counter of counters) {
    const live = counter.windowEndsAt.getTime() > now;
    if (!live || counter.failures < failureLimit(counter.kind, settings)) continue;
    const current = latest[counter.kind];
    if (!current || counter.windowEndsAt > current) latest[counter.kind] = counter.windowEndsAt;
  }
  const by: SignInAttemptKind | null = latest.ip ? 'ip' : latest.email ? 'email' : null;
  return { locked: by !== null, until: by ? latest[by] : null, by };
}

/** The line shown under the generic error while locked ("wait N minutes"). */
export function describeWait(until: Date, now: number, from?: string): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now) / 60_000));
  return `Too many failed sign-ins${from ? ` ${from}` : ''}. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}
