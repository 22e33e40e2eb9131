import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBin, runInProcess } from './testing/fake-io';

const VERSION = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string })
  .version;

describe('magekit --version and help texts', () => {
  it.each([['--version'], ['-V']])('%s prints the CLI package version and exits 0', async (flag) => {
    expect(await runInProcess([flag])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('--version works through the built bin', () => {
    expect(runBin(['--version'])).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it.each([['sign'], ['verify']])('%s --help names only files inside the repository', async (command) => {
    const { code, stdout } = await runInProcess([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/shared\/vectors|\.\.\//);
    expect(stdout).toContain(`packages/oauth1/fixtures/vectors/${command}.json`);
  });

  it('sign --help lists the fields a case needs', async () => {
    const { stdout } = await runInProcess(['sign', '--help']);
    expect(stdout.replace(/\s+/g, ' ')).toContain('{method, url, consumerKey, consumerSecret}');
  });
});
