import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAGEKIT_BIN } from './testing/fake-io';

/** Modules the light commands must not load: Nest, TypeORM, the database drivers, the service and the sandbox. */
const HEAVY =
  /[\\/]node_modules[\\/](typeorm|@nestjs[\\/][^\\/]+|pg|mysql2|better-sqlite3|bullmq|ioredis)[\\/]|[\\/]packages[\\/](nest|service|sandbox)[\\/]/;

describe('magekit starts light (built bin)', () => {
  let dir: string;
  let preload: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mk-cli-light-'));
    preload = join(dir, 'report-modules.cjs');
    // Prints, on exit, which heavy packages the run loaded (one name per line).
    writeFileSync(
      preload,
      `process.on('exit', () => { const heavy = new Set(); for (const file of Object.keys(require.cache)) { const match = ${HEAVY.toString()}.exec(file); if (match) heavy.add(match[1] ?? match[2]); } process.stderr.write('HEAVY:' + [...heavy].sort().join(',') + '\\n'); });\n`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the built bin; the heavy packages it loaded, and what it printed. */
  function run(argv: string[]): { code: number | null; stdout: string; heavy: string } {
    const result = spawnSync(process.execPath, ['-r', preload, MAGEKIT_BIN, ...argv], { encoding: 'utf8', input: '' });
    return { code: result.status, stdout: result.stdout, heavy: /HEAVY:(.*)/.exec(result.stderr)?.[1] ?? 'no report' };
  }

  const LIGHT = [
    ['--help'],
    ['sign', '--help'],
    ['verify', '--help'],
    ['explain', '--help'],
    ['curl', '--help'],
    ['acl', '--help'],
    ['doctor', '--help'],
    ['tokens', 'create', '--help'],
    ['dev', '--help'],
    ['sandbox', 'start', '--help'],
  ];

  it.each(LIGHT.map((argv) => [argv.join(' '), argv]))(
    'magekit %s loads no Nest, TypeORM or database driver',
    (_, argv) => {
      const { code, stdout, heavy } = run(argv as string[]);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: magekit');
      expect(heavy).toBe('');
    },
  );

  it('a service command loads them when it runs (here to report the database it cannot open)', () => {
    const { code, heavy } = run([
      'tokens',
      'create',
      '--name',
      'x',
      '--database-url',
      'postgres://nobody@127.0.0.1:1/none',
    ]);
    expect(code).toBe(2);
    expect(heavy.split(',')).toEqual(expect.arrayContaining(['typeorm', 'nest', 'pg']));
  });
});
