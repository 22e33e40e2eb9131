import { randomUUID } from 'node:crypto';
import { LessThan, type Repository } from 'typeorm';
import { SignInAttemptEntity } from '../entities/sign-in-attempt.entity';
import { isUniqueViolation } from '../storage/unique-violation';
import {
  emailSubject,
  findLockout,
  ipSubject,
  type SignInLockout,
  type SignInLockoutSettings,
  type SignInSubject,
} from './sign-in-lockout';

/**
 * The identity-link sign-in's failure counters in the database, shared by every app instance.
 * Counting is atomic (`failures = failures + 1` in one UPDATE, after an insert-if-missing that
 * tolerates another instance's insert), so concurrent failures are never lost.
 */
export class SignInAttempts {
  constructor(
    private readonly repository: Repository<SignInAttemptEntity>,
    private readonly clock: () => number,
    private readonly settings: SignInLockoutSettings,
  ) {}

  /** Whether a sign-in for `email` from `ip` is refused now. */
  async check(email: unknown, ip: string | undefined): Promise<SignInLockout> {
    const counters = await this.repository.find({ where: [emailSubject(email), ipSubject(ip)] });
    return findLockout(counters, this.clock(), this.settings);
  }

  /** Counts a failed sign-in for the e-mail and the IP; returns whether they are now locked. */
  async recordFailure(email: unknown, ip: string | undefined): Promise<SignInLockout> {
    await this.deleteEnded();
    await this.increment(emailSubject(email));
    await this.increment(ipSubject(ip));
    return this.check(email, ip);
  }

  /** A successful sign-in clears the e-mail's counter (the IP's stays). */
  async recordSuccess(email: unknown): Promise<void> {
    await this.repository.delete(emailSubject(email));
  }

  /**
   * Adds one failure to `subject`, starting a new window when the current one has ended.
   * If a row vanishes between the insert and the update (deleted as ended), it is tried again.
   */
  async increment(subject: SignInSubject): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (await this.addFailure(subject)) return;
      await this.insertIfMissing(subject);
      if (await this.addFailure(subject)) return;
    }
    throw new Error(`The sign-in failure counter (${subject.kind}) could not be written.`);
  }

  private async addFailure(subject: SignInSubject): Promise<boolean> {
    const now = this.clock();
    const escape = (name: string) => this.repository.manager.connection.driver.escape(name);
    const [failures, endsAt] = [escape('failures'), escape('window_ends_at')];
    // `failures` is assigned first: MySQL evaluates SET left to right and the second CASE must see the old window.
    const result = await this.repository
      .createQueryBuilder()
      .update(SignInAttemptEntity)
      .set({
        failures: () => `CASE WHEN ${endsAt} <= :now THEN 1 ELSE ${failures} + 1 END`,
        windowEndsAt: () => `CASE WHEN ${endsAt} <= :now THEN :newEnd ELSE ${endsAt} END`,
      })
      .where({ kind: subject.kind, subjectHash: subject.subjectHash })
      .setParameters({ now: new Date(now), newEnd: new Date(now + this.settings.lockMs) })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  private async insertIfMissing(subject: SignInSubject): Promise<void> {
    // An ended window (epoch) makes the following UPDATE start a fresh one at count 1.
    try {
      await this.repository.insert({ id: randomUUID(), ...subject, failures: 0, windowEndsAt: new Date(0) });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /** Lazily removes counters whose window ended more than a window ago. */
  private async deleteEnded(): Promise<void> {
    await this.repository.delete({ windowEndsAt: LessThan(new Date(this.clock() - this.settings.lockMs)) });
  }
}
