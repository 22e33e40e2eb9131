import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBin } from '../../testing/fake-io';

const MINI = resolve(__dirname, '..', '..', '..', '..', 'acl', 'fixtures', 'mini');
const SHOP_CALL = {
  method: 'GET',
  path: '/rest/V1/shop/products/x',
  caller: { type: 'integration', resources: ['Acme_Shop::products'] },
};

describe('magekit file inputs through the built bin', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mk-cli-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('--calls', () => {
    it('--calls /dev/zero is refused at once, for least-privilege and doctor', () => {
      const started = Date.now();
      const refused = runBin(['acl', 'least-privilege', '--calls', '/dev/zero']);
      expect(refused).toMatchObject({ code: 2, stdout: '' });
      expect(refused.stderr).toContain(
        'magekit: --calls /dev/zero is a character device, not a regular file. [NOT_A_FILE]',
      );
      const doctor = runBin(['doctor', 'https://shop.example.com/', '--calls', '/dev/zero']);
      expect(doctor).toMatchObject({ code: 2, stdout: '' });
      expect(doctor.stderr).toContain('--calls /dev/zero is a character device, not a regular file. [NOT_A_FILE]');
      expect(Date.now() - started).toBeLessThan(30_000);
    });

    it('a FIFO is refused without waiting for a writer', () => {
      const fifo = join(dir, 'calls.fifo');
      execFileSync('mkfifo', [fifo]);
      const result = runBin(['acl', 'least-privilege', '--calls', fifo]);
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toContain(`--calls ${fifo} is a FIFO (named pipe), not a regular file. [NOT_A_FILE]`);
    });

    it('a directory, a file over 1 MiB and a dangling symlink are refused, naming the path', () => {
      mkdirSync(join(dir, 'calls.d'));
      writeFileSync(join(dir, 'big.txt'), `${'GET /V1/products\n'.repeat(70_000)}`);
      symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
      const directory = runBin(['acl', 'least-privilege', '--calls', join(dir, 'calls.d')]);
      expect(directory.stderr).toContain(
        `--calls ${join(dir, 'calls.d')} is a directory, not a regular file. [NOT_A_FILE]`,
      );
      const big = runBin(['acl', 'least-privilege', '--calls', join(dir, 'big.txt')]);
      expect(big.stderr).toContain('bytes, over the limit of 1048576 bytes. [FILE_TOO_LARGE]');
      const dangling = runBin(['acl', 'least-privilege', '--calls', join(dir, 'dangling.txt')]);
      expect(dangling.stderr).toContain(
        `--calls ${join(dir, 'dangling.txt')} is a symlink to "${join(dir, 'gone.txt')}", which cannot be read (ENOENT). [FILE_NOT_FOUND]`,
      );
      for (const result of [directory, big, dangling]) expect(result).toMatchObject({ code: 2, stdout: '' });
    });

    it('a calls file behind a symlink is read', () => {
      writeFileSync(join(dir, 'calls.txt'), 'GET /V1/products/:sku\n');
      symlinkSync(join(dir, 'calls.txt'), join(dir, 'link.txt'));
      const result = runBin(['acl', 'least-privilege', '--calls', join(dir, 'link.txt')]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).resources).toEqual(['Magento_Catalog::products']);
    });
  });

  describe('--xml', () => {
    const treeWithShopAcl = (make: (file: string) => void) => {
      const root = join(dir, 'magento');
      cpSync(MINI, root, { recursive: true });
      const file = join(root, 'Shop', 'acl.xml');
      rmSync(file);
      make(file);
      return { root, file };
    };

    it.each([
      [
        'acl.xml symlinked to a directory is refused',
        (file: string) => symlinkSync(dir, file),
        'is a symlink to a directory',
        'NOT_A_FILE',
      ],
      [
        'a directory named acl.xml is refused',
        (file: string) => mkdirSync(file),
        'is a directory, not a regular file',
        'NOT_A_FILE',
      ],
      [
        'a dangling acl.xml symlink is refused',
        (file: string) => symlinkSync(join(dir, 'nowhere.xml'), file),
        'which cannot be read (ENOENT)',
        'FILE_NOT_FOUND',
      ],
      [
        'acl.xml symlinked to /dev/zero is refused at once',
        (file: string) => symlinkSync('/dev/zero', file),
        'is a symlink to a character device',
        'NOT_A_FILE',
      ],
    ])('%s (decide, explain, least-privilege), naming the path', (_name, make, text, code) => {
      const { root, file } = treeWithShopAcl(make);
      const calls = join(dir, 'calls.txt');
      writeFileSync(calls, 'GET /V1/shop/products/:sku\n');
      const runs = [
        runBin(['acl', 'decide', '--xml', root], JSON.stringify(SHOP_CALL)),
        runBin(['acl', 'explain', '--xml', root, 'GET', '/V1/shop/products/x']),
        runBin(['acl', 'least-privilege', '--xml', root, '--calls', calls]),
      ];
      for (const result of runs) {
        expect(result).toMatchObject({ code: 2, stdout: '' });
        expect(result.stderr).toContain(`magekit: --xml ${root}: ${file} `);
        expect(result.stderr).toContain(text);
        expect(result.stderr).toContain(`[${code}]`);
        expect(result.stderr).toContain('hint: Every acl.xml and webapi.xml under the folder must be a regular file');
      }
    });

    it('acl.xml symlinked to a regular file is read (the verdict does not flip)', () => {
      const real = join(dir, 'shop-acl.xml');
      cpSync(join(MINI, 'Shop', 'acl.xml'), real);
      const { root } = treeWithShopAcl((file) => symlinkSync(real, file));
      const result = runBin(['acl', 'decide', '--xml', root], JSON.stringify(SHOP_CALL));
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        route: '/V1/shop/products/:sku',
        allowed: true,
        resources: ['Acme_Shop::products'],
      });
    });
  });
});
