import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { verifyPassword } from '../crypto/password-hash';
import { SignInAttemptEntity, StoreEntity, VendorAccountEntity } from '../entities';
import { runOnTestDatabases, type TestDatabase } from '../test-support/test-databases';
import { SignInAttempts } from './sign-in-attempts';
import { emailSubject, ipSubject } from './sign-in-lockout';
import {
  listVendorAccounts,
  resetVendorPassword,
  setVendorAccountDisabled,
  unlockSignIn,
} from './vendor-account-admin';
import { authenticateVendor, createVendorAccount } from './vendor-accounts';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const SETTINGS = { maxFailures: 6, lockMs: 900_000 };
const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);

function runContract(db: TestDatabase): void {
  describe(`vendor account administration on ${db.name}`, () => {
    let dataSource: DataSource;
    let drop: () => Promise<void>;
    let now: number;
    const clock = () => now;
    const attempts = () => new SignInAttempts(dataSource.getRepository(SignInAttemptEntity), clock, SETTINGS);
    const fail = async (email: string, ip: string, times: number) => {
      for (let i = 0; i < times; i += 1) await attempts().recordFailure(email, ip);
    };

    beforeAll(async () => {
      ({ dataSource, drop } = await db.open());
    });
    afterAll(async () => drop?.());
    beforeEach(async () => {
      now = T0;
      for (const entity of [StoreEntity, SignInAttemptEntity, VendorAccountEntity])
        await dataSource.createQueryBuilder().delete().from(entity).execute();
    });

    async function addStore(vendorAccountId: string | null) {
      const id = randomUUID();
      const at = new Date(T0);
      await dataSource.getRepository(StoreEntity).insert({
        id,
        tenant: 'acme',
        consumerKey: id.replace(/-/g, ''),
        consumerSecretEnc: 'x',
        storeBaseUrl: `https://${id}.example.com/`,
        usesIndexPhp: false,
        status: 'active',
        statusCode: null,
        statusReason: null,
        statusHint: null,
        accessTokenEnc: null,
        accessTokenSecretEnc: null,
        signatureProfile: 'latest',
        vendorAccountId,
        facts: null,
        activatedAt: at,
        lastProbedAt: null,
        probeLeaseUntil: null,
        createdAt: at,
        updatedAt: at,
      });
    }

    it('lists accounts by e-mail with created, disabled, linked stores and lockout', async () => {
      const ops = await createVendorAccount(
        dataSource,
        { email: 'Ops@Example.com', name: 'Ops', password: 'a long password 1' },
        FAST,
        clock,
      );
      const dev = await createVendorAccount(
        dataSource,
        { email: 'dev@example.com', name: 'Dev', password: 'a long password 2' },
        FAST,
        clock,
      );
      await addStore(ops.id);
      await addStore(ops.id);
      await addStore(dev.id);
      await addStore(null);
      await fail('OPS@example.com ', '203.0.113.7', 6);
      await fail('dev@example.com', '203.0.113.8', 5);
      now = T0 + 60_000;
      expect(await listVendorAccounts(dataSource, { clock, lockout: SETTINGS })).toEqual([
        {
          id: dev.id,
          email: 'dev@example.com',
          name: 'Dev',
          createdAt: new Date(T0),
          disabledAt: null,
          linkedStores: 1,
          lockedOut: false,
          lockedUntil: null,
        },
        {
          id: ops.id,
          email: 'ops@example.com',
          name: 'Ops',
          createdAt: new Date(T0),
          disabledAt: null,
          linkedStores: 2,
          lockedOut: true,
          lockedUntil: new Date(T0 + SETTINGS.lockMs),
        },
      ]);
      now = T0 + SETTINGS.lockMs;
      expect((await listVendorAccounts(dataSource, { clock, lockout: SETTINGS }))[1].lockedOut).toBe(false);
      expect(
        await listVendorAccounts(dataSource, { clock, lockout: { ...SETTINGS, maxFailures: 5 } }).then((list) =>
          list.map((entry) => entry.lockedOut),
        ),
      ).toEqual([false, false]);
    });

    it('a disabled account cannot sign in (null, as for a wrong password); enabled again, it can', async () => {
      await createVendorAccount(
        dataSource,
        { email: 'm@example.com', name: 'M', password: 'the right password' },
        FAST,
        clock,
      );
      const accounts = dataSource.getRepository(VendorAccountEntity);
      now = T0 + 1000;
      const disabled = await setVendorAccountDisabled(dataSource, ' M@example.com', true, clock);
      expect(disabled).toMatchObject({ email: 'm@example.com', disabledAt: new Date(T0 + 1000) });
      expect(await authenticateVendor(accounts, 'm@example.com', 'the right password')).toBeNull();
      expect(await authenticateVendor(accounts, 'm@example.com', 'a wrong password')).toBeNull();
      now = T0 + 2000;
      expect((await setVendorAccountDisabled(dataSource, 'm@example.com', true, clock))?.disabledAt).toEqual(
        new Date(T0 + 1000),
      );
      expect((await setVendorAccountDisabled(dataSource, 'm@example.com', false, clock))?.disabledAt).toBeNull();
      expect(await authenticateVendor(accounts, 'm@example.com', 'the right password')).toMatchObject({
        email: 'm@example.com',
      });
      expect(await setVendorAccountDisabled(dataSource, 'nobody@example.com', true, clock)).toBeNull();
    });

    it('resets a password, clears the e-mail counter only, and refuses a short one', async () => {
      const account = await createVendorAccount(
        dataSource,
        { email: 'm@example.com', name: 'M', password: 'the old password' },
        FAST,
        clock,
      );
      await fail('m@example.com', '203.0.113.9', 6);
      expect(await resetVendorPassword(dataSource, 'M@Example.com', 'the new password', FAST, clock)).toEqual({
        id: account.id,
        email: 'm@example.com',
        name: 'M',
      });
      const row = await dataSource.getRepository(VendorAccountEntity).findOneByOrFail({ id: account.id });
      expect(await verifyPassword('the new password', row.passwordHash)).toBe(true);
      expect(await verifyPassword('the old password', row.passwordHash)).toBe(false);
      expect(await dataSource.getRepository(SignInAttemptEntity).countBy(emailSubject('m@example.com'))).toBe(0);
      expect(await dataSource.getRepository(SignInAttemptEntity).countBy(ipSubject('203.0.113.9'))).toBe(1);
      await expect(resetVendorPassword(dataSource, 'm@example.com', 'short', FAST, clock)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: 'Invalid password: it must be at least 10 characters.',
      });
      expect(await resetVendorPassword(dataSource, 'nobody@example.com', 'the new password', FAST, clock)).toBeNull();
    });

    it('unlocks an e-mail, and an address in both its IPv4 and IPv4-mapped spellings', async () => {
      await fail('m@example.com', '::ffff:203.0.113.9', 2);
      await fail('other@example.com', '203.0.113.9', 1);
      await fail('other@example.com', '2001:db8::5', 1);
      expect(await unlockSignIn(dataSource, { email: 'M@example.com' })).toBe(1);
      expect(await dataSource.getRepository(SignInAttemptEntity).countBy(emailSubject('m@example.com'))).toBe(0);
      expect(await unlockSignIn(dataSource, { ip: '203.0.113.9' })).toBe(2);
      expect(await unlockSignIn(dataSource, { ip: '[2001:DB8::5]' })).toBe(1);
      expect(await dataSource.getRepository(SignInAttemptEntity).count()).toBe(1);
      await expect(unlockSignIn(dataSource, { ip: 'not-an-ip' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(unlockSignIn(dataSource, {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    });
  });
}

runOnTestDatabases('vendor account administration', runContract);
