import type { MagentoModel } from '@magekit/acl';
import type { Clock, RandomBytes } from '../common/clock';
import { resolvePhpFpmPool, type PhpFpmPoolOptions, type PhpFpmPoolSettings } from '../common/php-fpm-pool';
import { resolveSaasOptions, SANDBOX_EDITIONS, type SaasInput, type SandboxEdition } from '../saas/saas-options';
import type { SeedOptions } from '../seed/seed-options';
import type { MagentoVersion } from '../version/magento-versions';
import { resolveVersionProfile } from '../version/version-profile';

/** Injection token of the resolved {@link SandboxOptions}. */
export const SANDBOX_OPTIONS = Symbol('SANDBOX_OPTIONS');

/** How a sandbox instance runs. */
export interface SandboxOptions {
  /** SQLite file path, or `:memory:`. */
  database: string;
  /** Token for `/sandbox/admin/*` (`Authorization: Bearer <token>`); an admin JWT works too. */
  adminToken: string;
  /** HS256 key of admin/customer JWTs; default: generated once and kept in the database. */
  jwtSecret?: string;
  /** Seed data on an empty database; false seeds nothing (stores and the admin user are always created). */
  seed: SeedOptions | false;
  /** Route table and ACL tree: default the bundled stock 2.4.6-p1 table (for every version profile). */
  magento?: MagentoModel;
  /**
   * The Magento release the store behaves as (its signature profile and the other defaults of
   * `VERSION_PROFILES`); default the newest, 2.4.8.
   */
  magentoVersion: MagentoVersion;
  /**
   * `paas` (default): Magento's own web API. `saas`: Adobe Commerce as a Cloud Service, IMS tokens from
   * `POST /ims/token/v3` and REST under `/<tenant id>/V1/…` (docs/magento-behaviour.md §11.6).
   */
  edition: SandboxEdition;
  /** The SaaS edition's tenant id, token lifetime and default IMS credential (defaults for each). */
  saas: SaasInput;
  /** `oauth/consumer/post_timeout` in ms (default 5000). */
  postTimeoutMs: number;
  /** `oauth/consumer/expiration_period` (default 300 s). */
  consumerExpirySeconds: number;
  clock?: Clock;
  randomBytes?: RandomBytes;
  /** The `fetch` of the consumer POST (default the global one). */
  fetch?: typeof fetch;
  /** Progress lines (seeding); default silent. */
  log?: (line: string) => void;
  /**
   * A simulated PHP-FPM pool in front of every Magento route: per-request latency, a worker limit
   * and a backlog past which requests get 503 (see {@link PhpFpmPoolOptions}). Default off (null):
   * every request is handled at once.
   */
  phpFpm: PhpFpmPoolSettings | null;
}

/** What {@link resolveOptions} takes: the pool may be given partly. */
export type SandboxInput = Partial<Omit<SandboxOptions, 'phpFpm'>> & { phpFpm?: PhpFpmPoolOptions | null };

/**
 * Defaults for everything but the database.
 * @throws Error naming the supported versions when `magentoVersion` is not one, or for a bad `edition`,
 *   `saas` or `phpFpm`
 */
export function resolveOptions(input: SandboxInput): SandboxOptions {
  const edition = input.edition ?? 'paas';
  if (!SANDBOX_EDITIONS.includes(edition))
    throw new Error(`edition must be one of ${SANDBOX_EDITIONS.join(', ')} (got ${JSON.stringify(edition)}).`);
  return {
    edition,
    saas: resolveSaasOptions(input.saas),
    magentoVersion: resolveVersionProfile(input.magentoVersion).version,
    database: input.database ?? ':memory:',
    adminToken: input.adminToken ?? 'sandbox-admin-token',
    jwtSecret: input.jwtSecret,
    seed: input.seed ?? {},
    magento: input.magento,
    postTimeoutMs: input.postTimeoutMs ?? 5000,
    consumerExpirySeconds: input.consumerExpirySeconds ?? 300,
    clock: input.clock,
    randomBytes: input.randomBytes,
    fetch: input.fetch,
    log: input.log,
    phpFpm: input.phpFpm ? resolvePhpFpmPool(input.phpFpm) : null,
  };
}
