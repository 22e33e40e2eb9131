import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createKeyRing, type KeyRingConfig } from '../crypto/key-ring';
import { secretContext } from '../crypto/secret-box';
import { sha256Hex } from '../crypto/token-hash';
import { StoreEntity } from '../entities/store.entity';
import { TEST_KEYS } from './test-app';

/** An Adobe client secret of the shape Developer Console gives (`p8e-…`). */
export function makeImsSecret(): string {
  return `p8e-${randomBytes(24).toString('base64url')}`;
}

/**
 * Inserts an `ims` store row as a registration writes it (secret sealed with `keys`), without
 * the guard or a probe: for storage tests.
 */
export async function insertImsStore(
  dataSource: DataSource,
  overrides: Partial<StoreEntity> = {},
  keys: KeyRingConfig = TEST_KEYS,
): Promise<{ store: StoreEntity; clientSecret: string }> {
  const id = overrides.id ?? randomUUID();
  const clientSecret = makeImsSecret();
  const storeBaseUrl = overrides.storeBaseUrl ?? `https://na1.api.commerce.adobe.com/T${id.replace(/-/g, '')}/`;
  const now = new Date(Date.UTC(2025, 0, 1, 12));
  const store = dataSource.getRepository(StoreEntity).create({
    id,
    tenant: 'acme',
    authKind: 'ims',
    edition: 'saas',
    consumerKey: null,
    consumerSecretEnc: null,
    storeBaseUrl,
    saasUrlHash: sha256Hex(storeBaseUrl),
    usesIndexPhp: false,
    status: 'active',
    statusCode: null,
    statusReason: null,
    statusHint: null,
    accessTokenEnc: null,
    accessTokenSecretEnc: null,
    signatureProfile: 'latest',
    clockSkewMs: null,
    vendorAccountId: null,
    facts: null,
    activatedAt: now,
    lastProbedAt: null,
    probeLeaseUntil: null,
    createdFromAddress: null,
    handshakeOwner: null,
    handshakeLeaseUntil: null,
    imsClientId: randomBytes(16).toString('hex'),
    imsClientSecretEnc: createKeyRing(keys).encrypt(
      clientSecret,
      secretContext('magekit_stores', 'ims_client_secret_enc', id),
    ),
    imsOrgId: '0123456789ABCDEF01234567@AdobeOrg',
    imsScopes: null,
    imsTokenUrl: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
  await dataSource.getRepository(StoreEntity).insert(store);
  return { store, clientSecret };
}
