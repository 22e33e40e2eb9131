import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApiTokenEntity, createApiToken, createVendorAccount, VendorAccountEntity } from '@magekit/nest';

/** Created on the first start, shown once (only hashes are stored). */
export interface FirstStartCredentials {
  apiToken: string;
  account: { email: string; password: string };
}

/** The vendor account created on an empty database (change or add accounts with `magekit accounts create`). */
export const FIRST_ACCOUNT = { email: 'admin@localhost', name: 'Administrator' } as const;

/**
 * On an empty database (no API token and no vendor account): creates one API token for the
 * dashboard and `/api`, and one vendor account with a generated password. Returns null otherwise.
 * Call it under the boot lock so that concurrent instances create them once.
 */
export async function seedFirstStart(dataSource: DataSource): Promise<FirstStartCredentials | null> {
  const tokens = await dataSource.getRepository(ApiTokenEntity).count();
  const accounts = await dataSource.getRepository(VendorAccountEntity).count();
  if (tokens > 0 || accounts > 0) return null;
  const { token } = await createApiToken(dataSource, 'first-start');
  const password = randomBytes(15).toString('base64url');
  await createVendorAccount(dataSource, { ...FIRST_ACCOUNT, password });
  return { apiToken: token, account: { email: FIRST_ACCOUNT.email, password } };
}
