import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { generateApiToken, sha256Hex } from '../crypto/token-hash';
import { ApiTokenEntity } from '../entities/api-token.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import type { ApiTokenInvalidationBus } from './token-invalidation-bus';

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

/** Options of {@link revokeApiToken}. */
export interface RevokeApiTokenOptions {
  /** Milliseconds since the epoch for `revokedAt`; default `Date.now`. */
  clock?: () => number;
  /**
   * Told the revoked ids after the database is updated, so that running instances drop them from
   * their verification cache (e.g. an `ApiTokenInvalidationBus`). Without it, instances refuse the
   * token once their cache entry expires (`apiTokens.cacheTtlMs`). Its error is thrown after the revocation is stored.
   */
  invalidation?: Pick<ApiTokenInvalidationBus, 'publish'>;
}

/**
 * Revokes the live admin API tokens with this id or name (for `magekit tokens revoke`); returns how
 * many were revoked. Inside a running app, `ApiTokens.revoke` also evicts them from the cache.
 */
export async function revokeApiToken(
  dataSource: DataSource,
  idOrName: string,
  options: RevokeApiTokenOptions = {},
): Promise<number> {
  const clock = options.clock ?? Date.now;
  const repository = dataSource.getRepository(ApiTokenEntity);
  const matches = await repository.find({
    where: [{ name: idOrName }, ...(/^[0-9a-f-]{36}$/i.test(idOrName) ? [{ id: idOrName }] : [])],
  });
  const live = matches.filter((token) => token.revokedAt === null);
  if (live.length === 0) return 0;
  const ids = live.map((token) => token.id);
  await repository.update({ id: In(ids) }, { revokedAt: new Date(clock()) });
  await options.invalidation?.publish(ids);
  return live.length;
}
