import { join, resolve } from 'node:path';

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
}

/**
 * Reads and validates `SANDBOX_*` variables once at boot.
 *
 * @throws Error naming every bad variable in one message
 */
export function readEnvConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const problems: string[] = [];
  const port = readInteger(env, 'SANDBOX_PORT', 3001, 0, 65535, problems);
  const products = readInteger(env, 'SANDBOX_PRODUCTS', 1000, 1, 100000, problems);
  const baseUrl = env['SANDBOX_BASE_URL'] || null;
  if (baseUrl !== null && !/^https?:\/\/[^/]+\/?$/.test(baseUrl)) problems.push(`SANDBOX_BASE_URL must be http(s)://host[:port]/ (got ${JSON.stringify(baseUrl)})`);
  const adminToken = env['SANDBOX_ADMIN_TOKEN'] ?? 'sandbox-admin-token';
  if (adminToken.length < 8) problems.push('SANDBOX_ADMIN_TOKEN must have at least 8 characters');
  if (problems.length > 0) throw new Error(`Invalid sandbox configuration: ${problems.join('; ')}.`);
  return {
    port,
    host: env['SANDBOX_HOST'] || '127.0.0.1',
    dataDir: resolve(env['SANDBOX_DATA_DIR'] || join('.data', 'sandbox')),
    baseUrl: baseUrl === null ? null : baseUrl.replace(/\/?$/, '/'),
    adminToken,
    magentoXmlDir: env['SANDBOX_MAGENTO_XML_DIR'] || null,
    products,
  };
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
    return fallback;
  }
  return value;
}
