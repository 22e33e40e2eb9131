import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKeys } from './key-file';

describe('loadKeys', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mk-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates keys.json with mode 0600 on first start, then reads the same key', () => {
    const path = join(dir, 'nested', 'keys.json');
    const created = loadKeys({ kind: 'file', path, mayCreate: true }, (size) => Buffer.alloc(size, 7));
    expect(created).toEqual({
      origin: 'created',
      path,
      warning: null,
      keys: { activeKeyId: 'k1', keys: { k1: Buffer.alloc(32, 7).toString('base64') } },
    });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = loadKeys({ kind: 'file', path, mayCreate: true }, () => Buffer.alloc(32, 9));
    expect(again).toMatchObject({ origin: 'file', keys: created.keys, warning: null });
  });

  it('does not create a key when it may not (production), and names the way out', () => {
    expect(() => loadKeys({ kind: 'file', path: join(dir, 'keys.json'), mayCreate: false })).toThrow(
      expect.objectContaining({ code: 'KEY_FILE', hint: expect.stringContaining('MAGEKIT_ENCRYPTION_KEYS') }),
    );
  });

  it('refuses a malformed key file and warns about a readable one', () => {
    const path = join(dir, 'keys.json');
    writeFileSync(path, '{"activeKeyId":"k1","keys":{"k1":"short"}}');
    expect(() => loadKeys({ kind: 'file', path, mayCreate: true })).toThrow(
      /keys.json.keys.k1 must be base64 of 32 bytes/,
    );
    writeFileSync(path, 'not json');
    expect(() => loadKeys({ kind: 'file', path, mayCreate: true })).toThrow(
      expect.objectContaining({ code: 'KEY_FILE' }),
    );
    writeFileSync(path, JSON.stringify({ activeKeyId: 'k1', keys: { k1: Buffer.alloc(32).toString('base64') } }));
    chmodSync(path, 0o644);
    expect(loadKeys({ kind: 'file', path, mayCreate: true }).warning).toContain('chmod 600');
    expect(readFileSync(path, 'utf8')).toContain('k1');
  });

  it('passes keys from the environment through', () => {
    const keys = { activeKeyId: 'a', keys: { a: Buffer.alloc(32).toString('base64') } };
    expect(loadKeys({ kind: 'env', keys })).toEqual({ keys, origin: 'env', path: null, warning: null });
  });
});
