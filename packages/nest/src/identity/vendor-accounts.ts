import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { DEFAULT_PASSWORD_COST, hashPassword, verifyPassword, type PasswordCost } from '../crypto/password-hash';
import { VendorAccountEntity } from '../entities/vendor-account.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { isUniqueViolation } from '../storage/unique-violation';

/** A vendor account without its password hash. */
export interface VendorAccountView {
  id: string;
  email: string;
  name: string;
}

/** Input of {@link createVendorAccount}. */
export interface NewVendorAccount {
  email: string;
  name: string;
  password: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;

/** The shortest password a vendor account accepts. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Creates an account of the vendor's service that merchants sign in with on the identity link
 * (for an app's seed or a CLI command). The password is hashed with scrypt and a per-password salt.
 *
 * @throws MagentoIntegrationError `INVALID_INPUT` (bad e-mail, password shorter than 10, e-mail taken)
 */
export async function createVendorAccount(
  dataSource: DataSource,
  input: NewVendorAccount,
  cost: PasswordCost = DEFAULT_PASSWORD_COST,
  clock: () => number = Date.now,
): Promise<VendorAccountView> {
  const problems: string[] = [];
  const email = String(input?.email ?? '')
    .trim()
    .toLowerCase();
  if (!EMAIL.test(email)) problems.push('email must be an e-mail address');
  if (typeof input?.password !== 'string' || input.password.length < MIN_PASSWORD_LENGTH)
    problems.push(`password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (typeof input?.name !== 'string' || input.name.trim() === '' || input.name.length > 200)
    problems.push('name must be 1-200 characters');
  if (problems.length > 0)
    throw new MagentoIntegrationError(`Invalid vendor account: ${problems.join('; ')}.`, 'INVALID_INPUT');
  const now = new Date(clock());
  const account = {
    id: randomUUID(),
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password, cost),
    createdAt: now,
    updatedAt: now,
  };
  try {
    await dataSource.getRepository(VendorAccountEntity).insert(account);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new MagentoIntegrationError(`A vendor account with e-mail ${email} exists already.`, 'INVALID_INPUT');
    throw error;
  }
  return { id: account.id, email, name: account.name };
}

/**
 * Checks an e-mail and password. Unknown e-mails cost the same scrypt work as wrong passwords,
 * and both give the same null answer. A disabled account (`magekit accounts disable`) is refused
 * with that same null after the same password check, so the sign-in page shows the generic error
 * and reveals neither that the account exists nor that it is disabled.
 */
export async function authenticateVendor(
  accounts: Repository<VendorAccountEntity>,
  email: string,
  password: string,
): Promise<VendorAccountView | null> {
  const normalized = String(email ?? '')
    .trim()
    .toLowerCase();
  const account = EMAIL.test(normalized) ? await accounts.findOneBy({ email: normalized }) : null;
  const ok = await verifyPassword(String(password ?? ''), account?.passwordHash ?? null);
  if (!ok || !account || account.disabledAt) return null;
  return { id: account.id, email: account.email, name: account.name };
}
