import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MagentoModel } from '../magento-model';
import { loadMagentoTree } from '../node';

/** The package's own hand-written fixtures. */
export const FIXTURES_DIR = resolve(__dirname, '..', '..', 'fixtures');
export const MINI_DIR = join(FIXTURES_DIR, 'mini');

let mini: MagentoModel | undefined;

/** The mini Shop + Crm model (modules loaded alphabetically: Crm, then Shop). */
export function loadMiniModel(): MagentoModel {
  mini ??= loadMagentoTree(MINI_DIR, { moduleOrder: ['Shop', 'Crm'] });
  return mini;
}

/** Reads a fixture file as text. */
export function readFixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES_DIR, ...parts), 'utf8');
}

/**
 * The shared corpus folder (`shared/magento-xml`) or null: `$MAGEKIT_SHARED_DIR` or `../shared` beside
 * the repository.
 */
export function findSharedMagentoXml(): string | null {
  const shared = process.env.MAGEKIT_SHARED_DIR ?? resolve(__dirname, '..', '..', '..', '..', '..', 'shared');
  const dir = join(shared, 'magento-xml');
  return existsSync(dir) ? dir : null;
}
