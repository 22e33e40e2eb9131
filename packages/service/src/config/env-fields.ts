import { isIP } from 'node:net';
import { z } from 'zod';
import { findStoreUrlProblems, TENANT_PATTERN } from '@magekit/nest';
import type { DatabaseLocation } from './service-config';

/** An optional environment variable: unset and empty mean "use the default". */
export function optional<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

export const portField = z
  .string()
  .regex(/^\d{1,5}$/, 'must be an integer from 0 to 65535')
  .transform(Number)
  .refine((port) => port <= 65535, 'must be an integer from 0 to 65535');

export const hostField = z
  .string()
  .regex(/^[A-Za-z0-9.:[\]_-]{1,253}$/, 'must be an address to listen on, e.g. 127.0.0.1 or 0.0.0.0');

export const publicUrlField = z.string().transform((value, ctx) => {
  const url = parseUrl(value);
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be an http(s) URL without credentials, query or fragment, e.g. https://integration.example.com (got ${JSON.stringify(value)})`,
    });
    return z.NEVER;
  }
  return url.toString().replace(/\/+$/, '');
});

/**
 * `IMS_TOKEN_URL`: the IMS token endpoint (or an origin) of SaaS stores registered without one;
 * https, plain http only on loopback (as @magekit/client's `createImsAuth` takes it).
 */
export const imsTokenUrlField = z.string().refine((value) => {
  const url = parseUrl(value);
  if (!url || url.username || url.password || url.hash) return false;
  return (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname))
  );
}, 'must be an https URL (plain http only on loopback) without credentials or fragment, e.g. https://ims-na1.adobelogin.com/ims/token/v3');

export const tenantField = z.string().regex(TENANT_PATTERN, 'must be 1-64 letters, digits, _ or -');

export const booleanField = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .refine((value) => ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(value), 'must be true or false')
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

export const networksField = z.string().transform((value, ctx) => {
  const networks = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const problem of findStoreUrlProblems({ allowedNetworks: networks }, ''))
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem.replace(/^\.allowedNetworks: /, '') });
  return networks;
});

export const redisUrlField = z
  .string()
  .refine((value) => /^rediss?:$/.test(parseUrl(value)?.protocol ?? ''), 'must be a redis:// or rediss:// URL');

export const logLevelField = z.enum(['error', 'warn', 'info', 'debug'], {
  errorMap: () => ({ message: 'must be one of error, warn, info, debug' }),
});

export const positiveIntegerField = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, 'must be a positive integer')
  .transform(Number);

/** A whole number from `min` to `max`, written in decimal digits. */
function boundedIntegerField(min: number, max: number) {
  const message = `must be an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,9}$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);
}

/** `ADMIN_LIST_CACHE_MS`: 0 (off) to 60 000 ms. */
export const listCacheMsField = boundedIntegerField(0, 60_000);

/** Largest `DATABASE_POOL_SIZE` (PostgreSQL's default `max_connections` is 100, shared by every instance). */
export const MAX_DATABASE_POOL_SIZE = 500;

/** `DATABASE_POOL_SIZE`: connections one instance keeps to PostgreSQL, MySQL or MariaDB. */
export const databasePoolSizeField = boundedIntegerField(1, MAX_DATABASE_POOL_SIZE);

/** `API_DOCS`: who may read `/api/docs` and its JSON. */
export const apiDocsField = z.enum(['public', 'token', 'off'], {
  errorMap: () => ({ message: 'must be one of public, token, off' }),
});

/** Names Express's `trust proxy` understands besides addresses and CIDRs. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** What Express's `trust proxy` setting gets: trust nothing or everything, a hop count, or these proxies' addresses. */
export type TrustProxy = boolean | number | string[];

/**
 * `TRUST_PROXY`: `true`/`false`, a hop count (`1` = the load balancer in front), or a comma-separated
 * list of proxy addresses and CIDRs (`10.0.0.0/8,127.0.0.1`; Express's names `loopback`,
 * `linklocal`, `uniquelocal` too).
 */
export const trustProxyField = z.string().transform((value, ctx): TrustProxy => {
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = entries.filter((entry) => !PROXY_NAMES.has(entry) && !isAddressOrCidr(entry));
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be true, false, a hop count (e.g. 1) or a comma-separated list of proxy addresses/CIDRs (e.g. 10.0.0.0/8,127.0.0.1)${bad.length > 0 ? `, not an address or CIDR: ${bad.map((entry) => JSON.stringify(entry)).join(', ')}` : ''}`,
    });
    return z.NEVER;
  }
  return entries;
});

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** `DATABASE_URL`: postgres(ql)://, mysql://, mariadb:// or sqlite:<file>. */
export const databaseUrlField = z.string().transform((value, ctx): DatabaseLocation => {
  const scheme = /^([a-z]+):/i.exec(value)?.[1]?.toLowerCase();
  const file = value.replace(/^sqlite:(\/\/)?/i, '');
  if (scheme === 'sqlite' && file !== '') return { type: 'better-sqlite3', database: file };
  const url = parseUrl(value);
  if (url && (scheme === 'postgres' || scheme === 'postgresql')) return { type: 'postgres', url: value };
  if (url && scheme === 'mysql') return { type: 'mysql', url: value };
  if (url && scheme === 'mariadb') return { type: 'mariadb', url: value.replace(/^mariadb:/i, 'mysql:') };
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    message:
      'must be postgres://user:password@host:5432/db, mysql://…, mariadb://… or sqlite:<file> (unset: SQLite in DATA_DIR)',
  });
  return z.NEVER;
});

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** `MAGEKIT_ENCRYPTION_KEYS`: `id:base64-of-32-bytes[,id2:…]`. */
export const encryptionKeysField = z.string().transform((value, ctx) => {
  const keys: Record<string, string> = {};
  let bad = false;
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const [id, key, ...rest] = entry.split(':');
    if (!KEY_ID.test(id ?? '') || key === undefined || rest.length > 0) {
      bad = true;
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `entry ${JSON.stringify(id ?? entry)} must be id:base64 with an id of 1-32 letters, digits, _ or -`,
      });
    } else if (
      Buffer.from(key.replace(/-/g, '+').replace(/_/g, '/'), 'base64').length !== 32 ||
      !/^[A-Za-z0-9+/_-]+={0,2}$/.test(key)
    ) {
      bad = true;
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `key ${id} must be base64 of 32 random bytes (e.g. \`openssl rand -base64 32\`)`,
      });
    } else keys[id] = key;
  }
  if (Object.keys(keys).length === 0 && !bad)
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must hold at least one id:key' });
  return keys;
});

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
