import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the shared folder is (CI has it beside the clone; a user's clone does not). */
function findSharedDir(): string | null {
  const dir = process.env.MAGEKIT_SHARED_DIR ?? resolve(__dirname, '../../../../shared');
  return existsSync(dir) ? dir : null;
}

const shared = findSharedDir();
const describeShared = shared ? describe : describe.skip;

// Reads ../shared/vectors/oauth (present in CI beside the clone; skipped in a user's clone).
describeShared('fixture copy of shared/vectors/oauth (reads ../shared)', () => {
  it.each(['sign.json', 'verify.json'])('%s equals the shared vectors byte for byte', (name) => {
    const original = readFileSync(join(shared as string, 'vectors', 'oauth', name));
    const copy = readFileSync(join(__dirname, '..', 'fixtures', 'vectors', name));
    expect(copy.equals(original)).toBe(true);
  });
});
