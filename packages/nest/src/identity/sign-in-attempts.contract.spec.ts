import type { DataSource } from 'typeorm';
import { createManualClock, type ManualClock } from '@magekit/client/testing';
import { SignInAttemptEntity } from '../entities';
import { CreateSignInAttempts1796083200000, MAGEKIT_MIGRATIONS } from '../migrations';
import { runOnTestDatabases, type TestDatabase } from '../test-support/test-databases';
import { SignInAttempts } from './sign-in-attempts';
import { emailSubject, ipSubject } from './sign-in-lockout';

const SETTINGS = { maxFailures: 6, lockMs: 900_000 };

function runContract(db: TestDatabase): void {
  describe(`sign-in attempt counters on ${db.name}`, () => {
    let dataSource: DataSource;
    let drop: () => Promise<void>;
    let clock: ManualClock;
    let instances: SignInAttempts[];

    beforeAll(async () => {
      ({ dataSource, drop } = await db.open());
    });
    afterAll(async () => drop?.());
    beforeEach(async () => {
      await dataSource.getRepository(SignInAttemptEntity).clear();
      clock = createManualClock(Date.UTC(2025, 0, 1, 12, 0, 0));
      // Two "app instances" sharing the database (each through the connection pool).
      instances = [0, 1].map(() => new SignInAttempts(dataSource.getRepository(SignInAttemptEntity), clock, SETTINGS));
    });

    const failuresOf = async (subject: { kind: 'email' | 'ip'; subjectHash: string }) =>
      (await dataSource.getRepository(SignInAttemptEntity).findOneBy(subject))?.failures ?? null;

    it('20 concurrent increments of a missing counter, from two instances, count exactly 20 in one row', async () => {
      const subject = emailSubject('race@example.com');
      await Promise.all(Array.from({ length: 20 }, (_, i) => instances[i % 2].increment(subject)));
      expect(await failuresOf(subject)).toBe(20);
      expect(await dataSource.getRepository(SignInAttemptEntity).countBy(subject)).toBe(1);
    });

    it('20 concurrent failures after the window ended start one new window at exactly 20', async () => {
      const subject = emailSubject('again@example.com');
      for (let i = 0; i < 7; i += 1) await instances[0].increment(subject);
      clock.advance(SETTINGS.lockMs);
      await Promise.all(Array.from({ length: 20 }, (_, i) => instances[i % 2].increment(subject)));
      const row = await dataSource.getRepository(SignInAttemptEntity).findOneByOrFail(subject);
      expect(row.failures).toBe(20);
      expect(row.windowEndsAt.toISOString()).toBe(new Date(clock() + SETTINGS.lockMs).toISOString());
    });

    it('concurrent recordFailure calls count the e-mail and the IP, and lock at the limit', async () => {
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => instances[i % 2].recordFailure('Lock@Example.com', '203.0.113.9')),
      );
      expect(await instances[1].check('lock@example.com', '198.51.100.1')).toEqual({
        locked: false,
        until: null,
        by: null,
      });
      const sixth = await instances[0].recordFailure(' lock@example.com', '203.0.113.9');
      expect(sixth).toEqual({ locked: true, until: new Date(Date.UTC(2025, 0, 1, 12, 15, 0)), by: 'email' });
      expect(await failuresOf(ipSubject('203.0.113.9'))).toBe(6);
      clock.advance(SETTINGS.lockMs - 1);
      expect((await instances[1].check('lock@example.com', '198.51.100.1')).locked).toBe(true);
      clock.advance(1);
      expect((await instances[1].check('lock@example.com', '198.51.100.1')).locked).toBe(false);
    });

    it('a success clears the e-mail counter only; counters ended a window ago are deleted lazily', async () => {
      await instances[0].recordFailure('ok@example.com', '203.0.113.10');
      await instances[0].recordFailure('old@example.com', '203.0.113.11');
      await instances[1].recordSuccess('OK@example.com');
      expect(await failuresOf(emailSubject('ok@example.com'))).toBeNull();
      expect(await failuresOf(ipSubject('203.0.113.10'))).toBe(1);
      clock.advance(2 * SETTINGS.lockMs + 1);
      await instances[0].recordFailure('new@example.com', '203.0.113.12');
      const rows = await dataSource.getRepository(SignInAttemptEntity).find();
      expect(rows.map((row) => row.subjectHash).sort()).toEqual(
        [emailSubject('new@example.com').subjectHash, ipSubject('203.0.113.12').subjectHash].sort(),
      );
    });
  });

  describe(`sign-in attempts migration on ${db.name}`, () => {
    it('down() drops magekit_sign_in_attempts only (not the older tables), up() brings it back', async () => {
      // Undo this migration and any added after it, whatever their number.
      const undo = MAGEKIT_MIGRATIONS.length - MAGEKIT_MIGRATIONS.indexOf(CreateSignInAttempts1796083200000);
      const { dataSource, drop } = await db.open();
      const runner = dataSource.createQueryRunner();
      try {
        expect(await runner.hasTable('magekit_sign_in_attempts')).toBe(true);
        for (let i = 0; i < undo; i += 1) await dataSource.undoLastMigration();
        expect(await runner.hasTable('magekit_sign_in_attempts')).toBe(false);
        expect(await runner.hasTable('magekit_store_call_failures')).toBe(true);
        await dataSource.runMigrations();
        expect(await runner.hasTable('magekit_sign_in_attempts')).toBe(true);
      } finally {
        await runner.release();
        await drop();
      }
    });
  });
}

runOnTestDatabases('sign-in attempt counters', runContract);
