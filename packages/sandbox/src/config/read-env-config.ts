import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_MAGENTO_VERSION,
  isMagentoVersion,
  MAGENTO_VERSIONS,
  type MagentoVersion,
} from '../version/magento-versions';
import type { PhpFpmPoolOptions } from '../common/php-fpm-pool';
import { checkTenantId, MAX_TOKEN_LIFETIME_SECONDS, SANDBOX_EDITIONS, type SandboxEdition } from '../saas/saas-options';

/** What `main.ts` reads from the environment. */
export interface EnvConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Overrides the base URL the store announces (`store_base_url`, store configs). */
  baseUrl: string | null;
  adminToken: string;
  magentoXmlDir: string | null;
  products: number;
  /** The Magento release the store behaves as (`SANDBOX_MAGENTO_VERSION`, default the newest). */
  magentoVersion: MagentoVersion;
  /** `paas` or `saas` (`SANDBOX_EDITION`, default `paas`), docs/magento-behaviour.md §11.6. */
  edition: SandboxEdition;
  /** The SaaS edition's tenant id (`SANDBOX_TENANT_ID`); null for the default. */
  tenantId: string | null;
  /** `expires_in` of the SaaS edition's IMS tokens (`SANDBOX_IMS_TOKEN_LIFETIME`, seconds); null for 86399. */
  imsTokenLifetimeSeconds: number | null;
  /**
   * The simulated PHP-FPM pool (`SANDBOX_LATENCY_MS`, `SANDBOX_WORKERS`, `SANDBOX_BACKLOG`; any one of
   * them turns it on, the others keep their defaults: 0 ms, 5 workers, 511); null when none is set.
   */
  phpFpm: PhpFpmPoolOptions | null;
}

/** An optional variable: unset and empty mean "use the default". */
function optional<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

function integer(min: number, max: number) {
  return z.string().transform((raw, ctx) => {
    const value = Number(raw);
    if (/^-?\d+$/.test(raw) && value >= min && value <= max) return value;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`,
    });
    return z.NEVER;
  });
}

/** The `SANDBOX_*` variables (the sandbox README's table). */
const envSchema = z.object({
  SANDBOX_PORT: optional(integer(0, 65535)),
  SANDBOX_HOST: optional(z.string()),
  SANDBOX_DATA_DIR: optional(z.string()),
  SANDBOX_BASE_URL: optional(
    z.string().refine(
      (url) => /^https?:\/\/[^/]+\/?$/.test(url),
      (url) => ({ message: `must be http(s)://host[:port]/ (got ${JSON.stringify(url)})` }),
    ),
  ),
  // Not optional(): an empty token is a bad token, not the default one.
  SANDBOX_ADMIN_TOKEN: z.string().min(8, 'must have at least 8 characters').optional(),
  SANDBOX_MAGENTO_XML_DIR: optional(z.string()),
  SANDBOX_PRODUCTS: optional(integer(1, 100000)),
  SANDBOX_MAGENTO_VERSION: optional(
    z.string().refine(isMagentoVersion, (value) => ({
      message: `must be one of ${MAGENTO_VERSIONS.join(', ')} (got ${JSON.stringify(value)})`,
    })),
  ),
  SANDBOX_EDITION: optional(
    z.string().refine(
      (value) => (SANDBOX_EDITIONS as readonly string[]).includes(value),
      (value) => ({ message: `must be one of ${SANDBOX_EDITIONS.join(', ')} (got ${JSON.stringify(value)})` }),
    ),
  ),
  SANDBOX_TENANT_ID: optional(
    z.string().refine(
      (value) => checkTenantId(value).length === 0,
      (value) => ({ message: checkTenantId(value)[0].replace(/^tenantId /, '') }),
    ),
  ),
  SANDBOX_IMS_TOKEN_LIFETIME: optional(integer(1, MAX_TOKEN_LIFETIME_SECONDS)),
  SANDBOX_LATENCY_MS: optional(integer(0, 60000)),
  SANDBOX_WORKERS: optional(integer(1, 10000)),
  SANDBOX_BACKLOG: optional(integer(0, 1000000)),
});

/**
 * Reads and validates `SANDBOX_*` variables once at boot.
 *
 * @throws Error naming every bad variable in one message
 */
export function readEnvConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `Invalid sandbox configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}.`,
    );
  const values = parsed.data;
  return {
    port: values.SANDBOX_PORT ?? 3001,
    host: values.SANDBOX_HOST ?? '127.0.0.1',
    dataDir: resolve(values.SANDBOX_DATA_DIR ?? join('.data', 'sandbox')),
    baseUrl: values.SANDBOX_BASE_URL === undefined ? null : values.SANDBOX_BASE_URL.replace(/\/?$/, '/'),
    adminToken: values.SANDBOX_ADMIN_TOKEN ?? 'sandbox-admin-token',
    magentoXmlDir: values.SANDBOX_MAGENTO_XML_DIR ?? null,
    products: values.SANDBOX_PRODUCTS ?? 1000,
    magentoVersion: (values.SANDBOX_MAGENTO_VERSION as MagentoVersion | undefined) ?? DEFAULT_MAGENTO_VERSION,
    edition: (values.SANDBOX_EDITION as SandboxEdition | undefined) ?? 'paas',
    tenantId: values.SANDBOX_TENANT_ID ?? null,
    imsTokenLifetimeSeconds: values.SANDBOX_IMS_TOKEN_LIFETIME ?? null,
    phpFpm: readPhpFpmPool(values.SANDBOX_LATENCY_MS, values.SANDBOX_WORKERS, values.SANDBOX_BACKLOG),
  };
}

function readPhpFpmPool(
  latencyMs: number | undefined,
  workers: number | undefined,
  backlog: number | undefined,
): PhpFpmPoolOptions | null {
  if (latencyMs === undefined && workers === undefined && backlog === undefined) return null;
  return {
    ...(latencyMs === undefined ? {} : { latencyMs }),
    ...(workers === undefined ? {} : { workers }),
    ...(backlog === undefined ? {} : { backlog }),
  };
}
