import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `magekit dev` remembers between runs of one app (`DATA_DIR/magekit-dev.json`): the ports, so URLs stay the same. */
export interface DevState {
  appPort?: number;
  sandboxPort?: number;
}

/** The remembered state, or `{}` when there is none (or it is unreadable). */
export function readDevState(dataDir: string): DevState {
  const file = join(dataDir, 'magekit-dev.json');
  if (!existsSync(file)) return {};
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as DevState;
    return { appPort: numberOrUndefined(value.appPort), sandboxPort: numberOrUndefined(value.sandboxPort) };
  } catch {
    return {};
  }
}

/** Remembers the state for the next run. */
export function writeDevState(dataDir: string, state: DevState): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'magekit-dev.json'), `${JSON.stringify(state, null, 2)}\n`);
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 65536 ? value : undefined;
}
