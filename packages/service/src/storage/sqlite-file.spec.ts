import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareSqliteFile } from './sqlite-file';

describe('SQLite file mode', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mk-sqlite-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const modeOf = (path: string) => statSync(path).mode & 0o777;

  it('creates a missing database file (and its folder) readable by the owner only', () => {
    const file = join(dir, 'data', 'integration.sqlite');
    prepareSqliteFile(file);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(join(dir, 'data'))).toBe(0o700);
    expect(statSync(file).size).toBe(0);
  });

  it('takes group and other bits off an existing file and its -wal/-shm, keeping the content', () => {
    const file = join(dir, 'integration.sqlite');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) writeFileSync(path, 'data', { mode: 0o644 });
    prepareSqliteFile(file);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(path)).toBe(0o600);
    expect(statSync(file).size).toBe(4);
  });

  it('leaves :memory: alone', () => {
    expect(() => prepareSqliteFile(':memory:')).not.toThrow();
  });
});
