import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { isSignatureProfile } from '@magekit/oauth1';
import type { GlobalSettings, StoreSettings } from './store-settings';

function integer(min: number, max: number) {
  const message = `an integer from ${min} to ${max}`;
  return z.number({ message }).int({ message }).min(min, { message }).max(max, { message });
}
const boolean = z.boolean({ message: 'true or false' });

const burst = z
  .object({
    status: z.union([z.literal(429), z.literal(503)]),
    remaining: integer(0, 1e6),
    retryAfterSeconds: integer(0, 86400).default(0),
  })
  .nullable();

/** `PUT /sandbox/admin/stores/:code/settings`: each field of {@link StoreSettings}, all optional. */
const storeSettingsSchema = z
  .object({
    signatureProfile: z.custom<StoreSettings['signatureProfile']>(isSignatureProfile, '"latest" or "laminas"'),
    latencyMs: integer(0, 60000),
    burst,
    stripAuthorization: boolean,
    clockOffsetSeconds: integer(-1e9, 1e9),
    repeatLastPage: boolean,
    maxPageSize: integer(0, 1e6),
    integrationAsBearer: boolean,
  } satisfies Record<keyof StoreSettings, z.ZodTypeAny>)
  .partial()
  .strict();

/** `PUT /sandbox/admin/settings`: each field of {@link GlobalSettings}, all optional. */
const globalSettingsSchema = z
  .object({
    twoFactorAuth: boolean,
    adminTokenTtlMinutes: integer(-1e6, 1e6),
    customerTokenTtlMinutes: integer(-1e6, 1e6),
    lockoutMaxFailures: integer(1, 1000),
    lockoutSeconds: integer(1, 1e7),
    customerLockoutFailures: integer(0, 1000),
    customerLockoutMinutes: integer(0, 1e6),
  } satisfies Record<keyof GlobalSettings, z.ZodTypeAny>)
  .partial()
  .strict();

/** What each setting must be, for the 400's message (the first issue of a field names it). */
const EXPECTED: Record<string, string> = { burst: 'null or {status: 429|503, remaining, retryAfterSeconds}' };

function validate<S extends z.ZodObject<z.ZodRawShape>>(input: unknown, schema: S): z.infer<S> {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new BadRequestException('The settings must be a JSON object.');
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const key of issue.keys)
        problems.set(key, `unknown setting "${key}" (known: ${Object.keys(schema.shape).join(', ')})`);
      continue;
    }
    const name = String(issue.path[0]);
    if (!problems.has(name)) problems.set(name, `"${name}" must be ${EXPECTED[name] ?? issue.message}`);
  }
  throw new BadRequestException(`Invalid settings: ${[...problems.values()].join('; ')}.`);
}

/** Checks a partial {@link StoreSettings}; names every problem in one 400. */
export function validateStoreSettings(input: unknown): Partial<StoreSettings> {
  return validate(input, storeSettingsSchema);
}

/** Checks a partial {@link GlobalSettings}. */
export function validateGlobalSettings(input: unknown): Partial<GlobalSettings> {
  return validate(input, globalSettingsSchema);
}
