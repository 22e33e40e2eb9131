import { randomBytes } from 'node:crypto';
import { createKeyRing, findKeyRingProblems } from './key-ring';
import { MagentoIntegrationError } from '../errors/magento-integration-error';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64url');

describe('key ring (AES-256-GCM secrets at rest)', () => {
  it('round-trips and names the key in the ciphertext', () => {
    const ring = createKeyRing({ activeKeyId: 'k1', keys: { k1 } });
    const sealed = ring.encrypt('consumer-secret-0123456789abcdef', 'magekit_stores.consumer_secret_enc:abc');
    expect(sealed).toMatch(/^mk1\.k1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain('consumer-secret');
    expect(ring.keyIdOf(sealed)).toBe('k1');
    expect(ring.decrypt(sealed, 'magekit_stores.consumer_secret_enc:abc')).toBe('consumer-secret-0123456789abcdef');
  });

  it('uses a fresh IV each time', () => {
    const ring = createKeyRing({ activeKeyId: 'k1', keys: { k1 } });
    expect(ring.encrypt('same', 'ctx')).not.toBe(ring.encrypt('same', 'ctx'));
  });

  it('refuses a ciphertext moved to another row or column (AAD)', () => {
    const ring = createKeyRing({ activeKeyId: 'k1', keys: { k1 } });
    const sealed = ring.encrypt('secret', 'magekit_stores.access_token_enc:row-1');
    expect(() => ring.decrypt(sealed, 'magekit_stores.access_token_enc:row-2')).toThrow(
      expect.objectContaining({ code: 'DECRYPT_FAILED' }),
    );
  });

  it('refuses tampered ciphertexts', () => {
    const ring = createKeyRing({ activeKeyId: 'k1', keys: { k1 } });
    const parts = ring.encrypt('secret', 'ctx').split('.');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] ^= 1;
    parts[4] = body.toString('base64url');
    expect(() => ring.decrypt(parts.join('.'), 'ctx')).toThrow(expect.objectContaining({ code: 'DECRYPT_FAILED' }));
    expect(() => ring.decrypt('plaintext', 'ctx')).toThrow(expect.objectContaining({ code: 'DECRYPT_FAILED' }));
  });

  it('decrypts with a retired key and encrypts with the active one', () => {
    const old = createKeyRing({ activeKeyId: 'k1', keys: { k1 } });
    const sealed = old.encrypt('secret', 'ctx');
    const rotated = createKeyRing({ activeKeyId: 'k2', keys: { k1, k2 } });
    expect(rotated.decrypt(sealed, 'ctx')).toBe('secret');
    expect(rotated.keyIdOf(rotated.encrypt('secret', 'ctx'))).toBe('k2');
  });

  it('names an unknown key id', () => {
    const sealed = createKeyRing({ activeKeyId: 'k1', keys: { k1 } }).encrypt('secret', 'ctx');
    const without = createKeyRing({ activeKeyId: 'k2', keys: { k2 } });
    expect(() => without.decrypt(sealed, 'ctx')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_KEY_ID', message: expect.stringContaining('"k1"') }),
    );
  });

  it('lists every configuration problem in one INVALID_CONFIG error', () => {
    expect(findKeyRingProblems(undefined)).toEqual(['encryption is required ({ activeKeyId, keys })']);
    const problems = findKeyRingProblems({ activeKeyId: 'k9', keys: { k1: 'c2hvcnQ=', 'bad id': k1 } });
    expect(problems).toEqual([
      'encryption.keys.k1 must be base64 of 32 bytes (e.g. `openssl rand -base64 32`)',
      'encryption.keys id "bad id" must be 1-32 letters, digits, _ or -',
      'encryption.activeKeyId "k9" is not one of encryption.keys',
    ]);
    let caught: unknown;
    try {
      createKeyRing({ activeKeyId: '', keys: {} });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MagentoIntegrationError);
    expect((caught as MagentoIntegrationError).code).toBe('INVALID_CONFIG');
    expect((caught as MagentoIntegrationError).message).toBe(
      'Invalid encryption configuration: encryption.keys must hold at least one key; encryption.activeKeyId is required.',
    );
  });
});
