import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMagentoTree, readCallsFile } from './node';
import { MINI_DIR } from './test-helpers/fixtures';

describe('reading calls files and Magento XML from disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mk-acl-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('readCallsFile', () => {
    it('reads a regular file, and one behind a symlink', () => {
      writeFileSync(join(dir, 'calls.txt'), 'GET /V1/products\n');
      symlinkSync(join(dir, 'calls.txt'), join(dir, 'link.txt'));
      expect(readCallsFile(join(dir, 'calls.txt'))).toBe('GET /V1/products\n');
      expect(readCallsFile(join(dir, 'link.txt'))).toBe('GET /V1/products\n');
    });

    it('refuses /dev/zero at once, without reading it', () => {
      const started = Date.now();
      expect(() => readCallsFile('/dev/zero')).toThrow(
        expect.objectContaining({ code: 'NOT_A_FILE', message: '/dev/zero is a character device, not a regular file' }),
      );
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('refuses a FIFO without opening it (opening would wait for a writer)', () => {
      execFileSync('mkfifo', [join(dir, 'calls.fifo')]);
      expect(() => readCallsFile(join(dir, 'calls.fifo'))).toThrow(
        expect.objectContaining({
          code: 'NOT_A_FILE',
          message: expect.stringContaining('is a FIFO (named pipe), not a regular file'),
        }),
      );
    });

    it('refuses a directory, a symlink to one, a missing file and a dangling symlink', () => {
      mkdirSync(join(dir, 'calls.d'));
      symlinkSync(join(dir, 'calls.d'), join(dir, 'to-dir'));
      symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling'));
      expect(() => readCallsFile(join(dir, 'calls.d'))).toThrow(
        expect.objectContaining({
          code: 'NOT_A_FILE',
          message: `${join(dir, 'calls.d')} is a directory, not a regular file`,
        }),
      );
      expect(() => readCallsFile(join(dir, 'to-dir'))).toThrow(
        expect.objectContaining({
          code: 'NOT_A_FILE',
          message: expect.stringContaining('is a symlink to a directory'),
        }),
      );
      expect(() => readCallsFile(join(dir, 'missing.txt'))).toThrow(
        expect.objectContaining({ code: 'FILE_NOT_FOUND', message: `${join(dir, 'missing.txt')}: no such file` }),
      );
      expect(() => readCallsFile(join(dir, 'dangling'))).toThrow(
        expect.objectContaining({
          code: 'FILE_NOT_FOUND',
          message: expect.stringContaining(`is a symlink to "${join(dir, 'gone.txt')}", which cannot be read (ENOENT)`),
        }),
      );
    });

    it('refuses a file over 1 MiB (or over maxBytes)', () => {
      writeFileSync(join(dir, 'big.txt'), Buffer.alloc(1024 * 1024 + 1, 0x20));
      writeFileSync(join(dir, 'small.txt'), 'GET /V1/products\n');
      expect(() => readCallsFile(join(dir, 'big.txt'))).toThrow(
        expect.objectContaining({
          code: 'FILE_TOO_LARGE',
          message: expect.stringContaining('is 1048577 bytes, over the limit of 1048576 bytes'),
        }),
      );
      expect(() => readCallsFile(join(dir, 'small.txt'), { maxBytes: 4 })).toThrow(
        expect.objectContaining({ code: 'FILE_TOO_LARGE' }),
      );
    });
  });

  describe('loadMagentoTree', () => {
    const tree = () => {
      const root = join(dir, 'magento');
      cpSync(MINI_DIR, root, { recursive: true });
      return root;
    };

    it('reads acl.xml and webapi.xml behind symlinks to regular files', () => {
      const root = tree();
      const real = join(dir, 'shop-acl.xml');
      cpSync(join(root, 'Shop', 'acl.xml'), real);
      rmSync(join(root, 'Shop', 'acl.xml'));
      symlinkSync(real, join(root, 'Shop', 'acl.xml'));
      expect(loadMagentoTree(root).tree.nodes.has('Acme_Shop::products')).toBe(true);
    });

    it.each([
      [
        'a symlink to a directory',
        (file: string) => symlinkSync(dir, file),
        'NOT_A_FILE',
        'is a symlink to a directory',
      ],
      [
        'a directory named like one',
        (file: string) => mkdirSync(file),
        'NOT_A_FILE',
        'is a directory, not a regular file',
      ],
      [
        'a dangling symlink',
        (file: string) => symlinkSync(join(dir, 'nowhere.xml'), file),
        'FILE_NOT_FOUND',
        'which cannot be read (ENOENT)',
      ],
      ['a FIFO', (file: string) => execFileSync('mkfifo', [file]), 'NOT_A_FILE', 'is a FIFO (named pipe)'],
      [
        'a symlink to /dev/zero',
        (file: string) => symlinkSync('/dev/zero', file),
        'NOT_A_FILE',
        'is a symlink to a character device ("/dev/zero")',
      ],
    ])('refuses an acl.xml that is %s, naming its path', (_name, make, code, text) => {
      const root = tree();
      const file = join(root, 'Shop', 'acl.xml');
      rmSync(file);
      make(file);
      expect(() => loadMagentoTree(root)).toThrow(
        expect.objectContaining({
          code,
          message: expect.stringMatching(
            new RegExp(
              `^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} .*${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`,
            ),
          ),
        }),
      );
    });

    it('refuses a webapi.xml in app/code layout that is a directory', () => {
      const root = tree();
      mkdirSync(join(root, 'Acme', 'Extra', 'etc', 'webapi.xml'), { recursive: true });
      expect(() => loadMagentoTree(root)).toThrow(
        expect.objectContaining({
          code: 'NOT_A_FILE',
          message: expect.stringContaining(join('Acme', 'Extra', 'etc', 'webapi.xml')),
        }),
      );
    });
  });
});
