import { createCipheriv, createDecipheriv, randomBytes as cryptoRandomBytes } from 'node:crypto';
import { z } from 'zod';
import { listOptionProblems, quote } from '../config/option-schema';
import { MagentoIntegrationError } from '../errors/magento-integration-error';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_MESSAGE = 'must be base64 of 32 bytes (e.g. `openssl rand -base64 32`)';

/**
 * Encryption keys from configuration: base64 (or base64url) of 32 random bytes each, under ids of
 * 1–32 `[A-Za-z0-9_-]`; the active key is one of them. Problems name the path the schema is
 * parsed at (`encryption` in the module options).
 */
export const keyRingConfigSchema = z
  .object(
    {
      /** Every key that may still be needed to decrypt, by id. */
      keys: z
        .record(
          z.string(),
          z.custom<string>((value) => decodeKey(value).length === 32, { message: KEY_MESSAGE, fatal: false }),
          { message: 'must hold at least one key' },
        )
        .refine((keys) => Object.keys(keys).length > 0, 'must hold at least one key')
        .superRefine((keys, ctx) => {
          for (const id of Object.keys(keys).filter((key) => !KEY_ID.test(key)))
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              message: `id ${quote(id)} must be 1-32 letters, digits, _ or -`,
            });
        })
        .readonly(),
      /** The key new ciphertexts are made with. */
      activeKeyId: z.string({ message: 'is required' }).min(1, 'is required'),
    },
    { message: 'is required ({ activeKeyId, keys })' },
  )
  .superRefine(({ keys, activeKeyId }, ctx) => {
    if (activeKeyId !== '' && !Object.hasOwn(keys, activeKeyId)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['activeKeyId'],
        message: `${quote(activeKeyId)} is not one of ${[...ctx.path, 'keys'].join('.')}`,
      });
    }
  });

/** Encryption keys from configuration (see {@link keyRingConfigSchema}). */
export type KeyRingConfig = z.input<typeof keyRingConfigSchema>;

/** Encrypts and decrypts secrets at rest with AES-256-GCM; ciphertexts name their key. */
export interface KeyRing {
  readonly activeKeyId: string;
  /** `mk1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). `context` is bound as AAD. */
  encrypt(plaintext: string, context: string): string;
  /** @throws MagentoIntegrationError `UNKNOWN_KEY_ID`, `DECRYPT_FAILED` */
  decrypt(ciphertext: string, context: string): string;
  /** The key id a ciphertext was made with. @throws MagentoIntegrationError `DECRYPT_FAILED` */
  keyIdOf(ciphertext: string): string;
}

const PREFIX = 'mk1';

/**
 * Checks a {@link KeyRingConfig} against {@link keyRingConfigSchema} and lists every problem,
 * prefixed with `path` (empty when it is usable).
 */
export function findKeyRingProblems(config: Partial<KeyRingConfig> | undefined, path = 'encryption'): string[] {
  const parsed = keyRingConfigSchema.safeParse(config, { path: [path] });
  return parsed.success ? [] : listOptionProblems(parsed.error);
}

/**
 * Builds a {@link KeyRing}. `randomBytes` (for the 12-byte IVs) is a parameter for tests.
 *
 * @throws MagentoIntegrationError `INVALID_CONFIG` naming every problem of the configuration.
 */
export function createKeyRing(
  config: KeyRingConfig,
  randomBytes: (size: number) => Uint8Array = cryptoRandomBytes,
): KeyRing {
  const problems = findKeyRingProblems(config);
  if (problems.length > 0)
    throw new MagentoIntegrationError(`Invalid encryption configuration: ${problems.join('; ')}.`, 'INVALID_CONFIG');
  const keys = new Map(Object.entries(config.keys).map(([id, value]) => [id, decodeKey(value)]));
  const keyFor = (id: string) => {
    const key = keys.get(id);
    if (!key)
      throw new MagentoIntegrationError(
        `A secret was encrypted with key ${JSON.stringify(id)}, which is not in the key ring.`,
        'UNKNOWN_KEY_ID',
        {
          hint: 'Add the old key back to encryption.keys (keep retired keys until `rotate` has re-encrypted every row).',
        },
      );
    return key;
  };
  return {
    activeKeyId: config.activeKeyId,
    encrypt(plaintext, context) {
      const iv = Buffer.from(randomBytes(12));
      const cipher = createCipheriv('aes-256-gcm', keyFor(config.activeKeyId), iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [PREFIX, config.activeKeyId, b64(iv), b64(cipher.getAuthTag()), b64(body)].join('.');
    },
    decrypt(ciphertext, context) {
      const parts = splitCiphertext(ciphertext);
      const decipher = createDecipheriv('aes-256-gcm', keyFor(parts.keyId), parts.iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(parts.tag);
      try {
        return Buffer.concat([decipher.update(parts.body), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new MagentoIntegrationError(
          `A secret encrypted with key ${JSON.stringify(parts.keyId)} failed authentication.`,
          'DECRYPT_FAILED',
          { cause, hint: 'The key under that id changed, or the value was copied from another row or column.' },
        );
      }
    },
    keyIdOf: (ciphertext) => splitCiphertext(ciphertext).keyId,
  };
}

function splitCiphertext(value: string): { keyId: string; iv: Buffer; tag: Buffer; body: Buffer } {
  const parts = typeof value === 'string' ? value.split('.') : [];
  if (parts.length !== 5 || parts[0] !== PREFIX)
    throw new MagentoIntegrationError(
      'A stored secret is not in the mk1.<keyId>.<iv>.<tag>.<ciphertext> form.',
      'DECRYPT_FAILED',
    );
  const [, keyId, iv, tag, body] = parts;
  return {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    body: Buffer.from(body, 'base64url'),
  };
}

function decodeKey(value: unknown): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return Buffer.alloc(0);
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function b64(value: Buffer): string {
  return value.toString('base64url');
}
