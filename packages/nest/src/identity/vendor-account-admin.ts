import { isIP } from 'node:net';
import { In, type DataSource } from 'typeorm';
import { DEFAULT_PASSWORD_COST, hashPassword, type PasswordCost } from '../crypto/password-hash';
import { SignInAttemptEntity } from '../entities/sign-in-attempt.entity';
import { StoreEntity } from '../entities/store.entity';
import { VendorAccountEntity } from '../entities/vendor-account.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import {
  DEFAULT_SIGN_IN_LOCKOUT,
  emailSubject,
  findLockout,
  ipSubject,
  normalizeEmail,
  type SignInLockoutSettings,
  type SignInSubject,
} from './sign-in-lockout';
import { MIN_PASSWORD_LENGTH, type VendorAccountView } from './vendor-accounts';

/** A vendor account as an operator sees it (`magekit accounts list`); never its password hash. */
export interface VendorAccountSummary extends VendorAccountView {
  createdAt: Date;
  /** When it was disabled (it cannot sign in), or null. */
  disabledAt: Date | null;
  /** Stores linked to it (`magekit_stores.vendor_account_id`). */
  linkedStores: number;
  /** Whether its e-mail's failure counter is at the limit in a live window now. */
  lockedOut: boolean;
  /** End of that window, or null. */
  lockedUntil: Date | null;
}

/** Options of {@link listVendorAccounts}. */
export interface ListVendorAccountsOptions {
  /** The service's lockout settings (default {@link DEFAULT_SIGN_IN_LOCKOUT}). */
  lockout?: SignInLockoutSettings;
  clock?: () => number;
}

/** Every vendor account by e-mail, with its linked-store count and whether its e-mail is locked out. */
export async function listVendorAccounts(
  dataSource: DataSource,
  options: ListVendorAccountsOptions = {},
): Promise<VendorAccountSummary[]> {
  const now = (options.clock ?? Date.now)();
  const accounts = await dataSource.getRepository(VendorAccountEntity).find({ order: { email: 'ASC' } });
  if (accounts.length === 0) return [];
  const stores = await countLinkedStores(
    dataSource,
    accounts.map((account) => account.id),
  );
  const counters = await dataSource
    .getRepository(SignInAttemptEntity)
    .findBy({ kind: 'email', subjectHash: In(accounts.map((account) => emailSubject(account.email).subjectHash)) });
  return accounts.map((account) => {
    const own = counters.filter((counter) => counter.subjectHash === emailSubject(account.email).subjectHash);
    const lockout = findLockout(own, now, options.lockout ?? DEFAULT_SIGN_IN_LOCKOUT);
    return {
      id: account.id,
      email: account.email,
      name: account.name,
      createdAt: account.createdAt,
      disabledAt: account.disabledAt ?? null,
      linkedStores: stores.get(account.id.toLowerCase()) ?? 0,
      lockedOut: lockout.locked,
      lockedUntil: lockout.until,
    };
  });
}

async function countLinkedStores(dataSource: DataSource, accountIds: string[]): Promise<Map<string, number>> {
  const rows = await dataSource
    .getRepository(StoreEntity)
    .createQueryBuilder('store')
    .select('store.vendorAccountId', 'accountId')
    .addSelect('COUNT(*)', 'stores')
    .where('store.vendorAccountId IS NOT NULL')
    .groupBy('store.vendorAccountId')
    .getRawMany<{ accountId: string; stores: number | string }>();
  const wanted = new Set(accountIds.map((id) => id.toLowerCase()));
  return new Map(
    rows
      .map((row) => [String(row.accountId).toLowerCase(), Number(row.stores)] as const)
      .filter(([id]) => wanted.has(id)),
  );
}

/**
 * Disables (`disabledAt` = now) or enables (null) the account with that e-mail. A disabled account
 * cannot sign in on the identity link; the page shows the same error as a wrong password.
 * Disabling an already disabled account keeps its first `disabledAt`.
 *
 * @returns the account, or null when no account has that e-mail
 */
export async function setVendorAccountDisabled(
  dataSource: DataSource,
  email: string,
  disabled: boolean,
  clock: () => number = Date.now,
): Promise<VendorAccountSummary | null> {
  const repository = dataSource.getRepository(VendorAccountEntity);
  const account = await repository.findOneBy({ email: normalizeEmail(email) });
  if (!account) return null;
  const now = new Date(clock());
  if (disabled !== (account.disabledAt !== null))
    await repository.update({ id: account.id }, { disabledAt: disabled ? now : null, updatedAt: now });
  return (await listVendorAccounts(dataSource, { clock })).find((entry) => entry.id === account.id) ?? null;
}

/**
 * Replaces the password of the account with that e-mail (scrypt, new salt) and clears the
 * e-mail's sign-in failure counter, so the merchant can sign in at once.
 *
 * @returns the account, or null when no account has that e-mail
 * @throws MagentoIntegrationError `INVALID_INPUT` (password shorter than 10 characters)
 */
export async function resetVendorPassword(
  dataSource: DataSource,
  email: string,
  password: string,
  cost: PasswordCost = DEFAULT_PASSWORD_COST,
  clock: () => number = Date.now,
): Promise<VendorAccountView | null> {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)
    throw new MagentoIntegrationError(
      `Invalid password: it must be at least ${MIN_PASSWORD_LENGTH} characters.`,
      'INVALID_INPUT',
    );
  const repository = dataSource.getRepository(VendorAccountEntity);
  const account = await repository.findOneBy({ email: normalizeEmail(email) });
  if (!account) return null;
  await repository.update(
    { id: account.id },
    { passwordHash: await hashPassword(password, cost), updatedAt: new Date(clock()) },
  );
  await dataSource.getRepository(SignInAttemptEntity).delete(emailSubject(account.email));
  return { id: account.id, email: account.email, name: account.name };
}

/** What {@link unlockSignIn} clears: an e-mail's counter, an address's counter, or both. */
export interface UnlockTarget {
  email?: string;
  ip?: string;
}

/**
 * Deletes the sign-in failure counters of an e-mail and/or a client address. An IPv4 address also
 * clears its IPv4-mapped form (`::ffff:a.b.c.d`, as a dual-stack server reports it) and the
 * other way round.
 *
 * @returns the number of counters deleted
 * @throws MagentoIntegrationError `INVALID_INPUT` (neither given, or `ip` not an IP address)
 */
export async function unlockSignIn(dataSource: DataSource, target: UnlockTarget): Promise<number> {
  const subjects: SignInSubject[] = [];
  if (target.email !== undefined) subjects.push(emailSubject(target.email));
  if (target.ip !== undefined) subjects.push(...addressForms(target.ip).map((form) => ipSubject(form)));
  if (subjects.length === 0)
    throw new MagentoIntegrationError('Nothing to unlock: give an e-mail or an IP address.', 'INVALID_INPUT');
  let deleted = 0;
  for (const subject of subjects)
    deleted += (await dataSource.getRepository(SignInAttemptEntity).delete(subject)).affected ?? 0;
  return deleted;
}

/** The spellings of a client address a request may carry (`req.ip`). */
function addressForms(ip: string): string[] {
  const bare = String(ip)
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (isIP(bare) === 0)
    throw new MagentoIntegrationError(
      `${JSON.stringify(String(ip).slice(0, 100))} is not an IP address.`,
      'INVALID_INPUT',
    );
  if (isIP(bare) === 4) return [bare, `::ffff:${bare}`];
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  return mapped ? [bare, mapped[1]] : [bare];
}
