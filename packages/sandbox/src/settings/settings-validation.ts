import { BadRequestException } from '@nestjs/common';
import { isSignatureProfile } from '@magekit/oauth1';
import type { GlobalSettings, StoreSettings } from './store-settings';

type Check = (value: unknown) => string | null;

const integer = (min: number, max: number): Check => (value) => (Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? null : `an integer from ${min} to ${max}`);
const boolean: Check = (value) => (typeof value === 'boolean' ? null : 'true or false');

const STORE_CHECKS: Record<keyof StoreSettings, Check> = {
  signatureProfile: (value) => (isSignatureProfile(value) ? null : '"latest" or "laminas"'),
  latencyMs: integer(0, 60000),
  burst: (value) => {
    if (value === null) return null;
    const burst = value as Record<string, unknown>;
    const ok = typeof value === 'object' && (burst['status'] === 429 || burst['status'] === 503) && integer(0, 1e6)(burst['remaining']) === null && integer(0, 86400)(burst['retryAfterSeconds'] ?? 0) === null;
    return ok ? null : 'null or {status: 429|503, remaining, retryAfterSeconds}';
  },
  stripAuthorization: boolean,
  clockOffsetSeconds: integer(-1e9, 1e9),
  repeatLastPage: boolean,
  maxPageSize: integer(0, 1e6),
  integrationAsBearer: boolean,
};

const GLOBAL_CHECKS: Record<keyof GlobalSettings, Check> = {
  twoFactorAuth: boolean,
  adminTokenTtlMinutes: integer(-1e6, 1e6),
  customerTokenTtlMinutes: integer(-1e6, 1e6),
  lockoutMaxFailures: integer(1, 1000),
  lockoutSeconds: integer(1, 1e7),
};

function validate<T>(input: unknown, checks: Record<string, Check>): Partial<T> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new BadRequestException('The settings must be a JSON object.');
  const problems: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    const check = checks[name];
    if (check === undefined) problems.push(`unknown setting "${name}" (known: ${Object.keys(checks).join(', ')})`);
    else {
      const expected = check(value);
      if (expected !== null) problems.push(`"${name}" must be ${expected}`);
    }
  }
  if (problems.length > 0) throw new BadRequestException(`Invalid settings: ${problems.join('; ')}.`);
  return input as Partial<T>;
}

/** Checks a partial {@link StoreSettings}; names every problem in one 400. */
export function validateStoreSettings(input: unknown): Partial<StoreSettings> {
  const patch = validate<StoreSettings>(input, STORE_CHECKS);
  if (patch.burst) patch.burst = { status: patch.burst.status, remaining: patch.burst.remaining, retryAfterSeconds: patch.burst.retryAfterSeconds ?? 0 };
  return patch;
}

/** Checks a partial {@link GlobalSettings}. */
export function validateGlobalSettings(input: unknown): Partial<GlobalSettings> {
  return validate<GlobalSettings>(input, GLOBAL_CHECKS);
}
