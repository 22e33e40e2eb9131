import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectBase, findDashboard } from './find-dashboard';

describe('dashboard build lookup', () => {
  it.each([
    ['<script type="module" crossorigin src="/dashboard/assets/index-1.js"></script>', '/dashboard/'],
    ['<link rel="stylesheet" href="/assets/index.css">', '/'],
    ['<script src="/admin/ui/assets/a.js"></script>', '/admin/ui/'],
    ['<html><body>no assets</body></html>', '/'],
  ])('detects the base of %s', (html, base) => {
    expect(detectBase(html)).toBe(base);
  });

  it('finds a configured build, and nothing without index.html or without the package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk-dash-'));
    try {
      expect(findDashboard(dir)).toBeNull();
      writeFileSync(join(dir, 'index.html'), '<script src="/dashboard/assets/x.js"></script>');
      expect(findDashboard(dir)).toEqual({ dir, base: '/dashboard/' });
      mkdirSync(join(dir, 'pkg', 'dist'), { recursive: true });
      writeFileSync(join(dir, 'pkg', 'dist', 'index.html'), '<script src="/assets/x.js"></script>');
      const none = join(dir, 'not-shipped');
      expect(findDashboard(null, () => join(dir, 'pkg', 'package.json'), none)).toEqual({
        dir: join(dir, 'pkg', 'dist'),
        base: '/',
      });
      expect(
        findDashboard(
          null,
          () => {
            throw new Error('not installed');
          },
          none,
        ),
      ).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('prefers the dashboard shipped in the package to the workspace build, and DASHBOARD_DIR to both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk-dash-'));
    try {
      for (const [folder, html] of [
        ['shipped', '<script src="/dashboard/assets/s.js"></script>'],
        ['pkg/dist', '<script src="/assets/w.js"></script>'],
        ['configured', '<script src="/ui/assets/c.js"></script>'],
      ]) {
        mkdirSync(join(dir, folder), { recursive: true });
        writeFileSync(join(dir, folder, 'index.html'), html);
      }
      const workspace = () => join(dir, 'pkg', 'package.json');
      expect(findDashboard(null, workspace, join(dir, 'shipped'))).toEqual({
        dir: join(dir, 'shipped'),
        base: '/dashboard/',
      });
      expect(findDashboard(join(dir, 'configured'), workspace, join(dir, 'shipped'))).toEqual({
        dir: join(dir, 'configured'),
        base: '/ui/',
      });
      expect(findDashboard(null, workspace, join(dir, 'missing'))).toEqual({
        dir: join(dir, 'pkg', 'dist'),
        base: '/',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
