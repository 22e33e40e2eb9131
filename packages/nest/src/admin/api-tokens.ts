import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { generateApiToken, sha256Hex } from '../crypto/token-hash';
import { ApiTokenEntity } from '../entities/api-token.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';

/** A token as returned once by {@link createApiToken}. */
export interface CreatedApiToken {
  id: string;
  name: string;
  /** The bearer token: shown once, only its SHA-256 is stored. */
  token: string;
}

/**
 * Creates an admin API token (for `magekit tokens create --name <name> [--app <app>]`): 256 random bits, stored as
 * SHA-256 only.
 *
 * @throws MagentoIntegrationError `INVALID_INPUT` for an empty or too long name.
 */
export async function createApiToken(
  dataSource: DataSource,
  name: string,
  clock: () => number = Date.now,
): Promise<CreatedApiToken> {
  const trimmed = String(name ?? '').trim();
  if (trimmed === '' || trimmed.length > 100)
    throw new MagentoIntegrationError('An API token needs a name of 1-100 characters.', 'INVALID_INPUT');
  const token = generateApiToken();
  const id = randomUUID();
  await dataSource.getRepository(ApiTokenEntity).insert({
    id,
    name: trimmed,
    tokenHash: sha256Hex(token),
    tokenPrefix: token.slice(0, 10),
    lastUsedAt: null,
    revokedAt: null,
    createdAt: new Date(clock()),
  });
  return { id, name: trimmed, token };
}

/** Revokes an admin API token by id or name; returns how many were revoked. */
export async function revokeApiToken(
  dataSource: DataSource,
  idOrName: string,
  clock: () => number = Date.now,
): Promise<number> {
  const repository = dataSource.getRepository(ApiTokenEntity);
  const matches = await repository.find({
    where: [{ name: idOrName }, ...(/^[0-9a-f-]{36}$/i.test(idOrName) ? [{ id: idOrName }] : [])],
  });
  const live = matches.filter((token) => token.revokedAt === null);
  for (const token of live) await repository.update({ id: token.id }, { revokedAt: new Date(clock()) });
  return live.length;
}
