import { createHash } from 'node:crypto';
import {
  describeWait,
  emailSubject,
  failureLimit,
  findLockout,
  ipSubject,
  normalizeEmail,
  type SignInCounter,
} from './sign-in-lockout';

const SETTINGS = { maxFailures: 6, lockMs: 900_000 };
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const sha = (value: string) => createHash('sha256').update(value).digest('hex');

function counter(kind: 'email' | 'ip', failures: number, endsInMs: number): SignInCounter {
  return { kind, subjectHash: 'x', failures, windowEndsAt: new Date(NOW + endsInMs) };
}

describe('sign-in lockout decisions', () => {
  it('normalises e-mails (trim, lower-case) and keys them by SHA-256 hex only', () => {
    expect(normalizeEmail('  Merchant@Example.COM ')).toBe('merchant@example.com');
    expect(emailSubject(' Merchant@Example.COM')).toEqual({ kind: 'email', subjectHash: sha('merchant@example.com') });
    expect(emailSubject(undefined)).toEqual({ kind: 'email', subjectHash: sha('') });
    expect(ipSubject('::ffff:127.0.0.1')).toEqual({ kind: 'ip', subjectHash: sha('::ffff:127.0.0.1') });
    expect(ipSubject(undefined).subjectHash).toBe(sha('unknown'));
  });

  it('locks an e-mail at maxFailures and an IP at 30 (or maxFailures if higher)', () => {
    expect(failureLimit('email', SETTINGS)).toBe(6);
    expect(failureLimit('ip', SETTINGS)).toBe(30);
    expect(failureLimit('ip', { maxFailures: 50, lockMs: 1 })).toBe(50);
    expect(findLockout([counter('email', 5, 1000)], NOW, SETTINGS)).toEqual({ locked: false, until: null, by: null });
    expect(findLockout([counter('email', 6, 1000)], NOW, SETTINGS)).toEqual({
      locked: true,
      until: new Date(NOW + 1000),
      by: 'email',
    });
    expect(findLockout([counter('ip', 29, 1000)], NOW, SETTINGS).locked).toBe(false);
    expect(findLockout([counter('ip', 30, 1000)], NOW, SETTINGS).locked).toBe(true);
  });

  it('ignores counters whose window has ended (the end itself included)', () => {
    expect(findLockout([counter('email', 60, 0)], NOW, SETTINGS).locked).toBe(false);
    expect(findLockout([counter('email', 60, -1)], NOW, SETTINGS).locked).toBe(false);
    expect(findLockout([counter('email', 60, 1)], NOW, SETTINGS).locked).toBe(true);
  });

  it('a locked IP decides (its window end), even when an e-mail window ends later', () => {
    const lockout = findLockout(
      [counter('email', 6, 50_000), counter('ip', 30, 9000), counter('email', 1, 90_000)],
      NOW,
      SETTINGS,
    );
    expect(lockout).toEqual({ locked: true, until: new Date(NOW + 9000), by: 'ip' });
    expect(
      findLockout([counter('email', 6, 5000), counter('email', 7, 8000), counter('ip', 29, 9000)], NOW, SETTINGS),
    ).toEqual({ locked: true, until: new Date(NOW + 8000), by: 'email' });
  });

  it('says how many minutes to wait, rounded up, at least one', () => {
    expect(describeWait(new Date(NOW + 900_000), NOW)).toBe(
      'Too many failed sign-ins. Please wait 15 minutes and try again.',
    );
    expect(describeWait(new Date(NOW + 61_000), NOW)).toBe(
      'Too many failed sign-ins. Please wait 2 minutes and try again.',
    );
    expect(describeWait(new Date(NOW + 1), NOW)).toBe('Too many failed sign-ins. Please wait 1 minute and try again.');
  });
});
