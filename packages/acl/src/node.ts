import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AclError } from './acl-error';
import { parseAclXml } from './acl-xml';
import { createMagentoModel, type MagentoModel } from './magento-model';
import { readRegularFile, statRegularFile } from './read-files';
import { parseWebapiXml } from './webapi-xml';
import type { XmlLimits } from './xml/safe-xml';

export { readCallsFile, readRegularFile, statRegularFile, MAX_CALLS_FILE_BYTES } from './read-files';

/** The Magento XML files {@link loadMagentoTree} reads. */
const CONFIG_FILE_NAMES = new Set(['acl.xml', 'webapi.xml']);
/** Read at most this much of one XML file; the parser refuses anything over its own `maxBytes` (default 4 MiB). */
const MAX_XML_READ_BYTES = 64 * 1024 * 1024;
const NOT_A_FILE_HINT =
  'Every acl.xml and webapi.xml under the folder must be a regular file (or a symlink to one): skipping it would change the verdicts. Fix or remove it.';

/** Options for loading a tree of Magento modules from disk. */
export interface LoadTreeOptions {
  /** Module folder names in load order; folders not listed follow alphabetically. Default: alphabetical. */
  moduleOrder?: readonly string[];
  limits?: XmlLimits;
}

/**
 * Loads every `acl.xml` and `webapi.xml` under `dir` — `<Module>/acl.xml` as in the shared corpus, or
 * `<Module>/etc/acl.xml` / `<Vendor>/<Module>/etc/acl.xml` as in `app/code` — and builds the model.
 * An entry with one of those names that is not a regular file once symlinks are followed (a
 * directory, a FIFO, a device, a dangling symlink) is refused, not skipped. With `read-files.ts`,
 * the only file I/O of the package.
 *
 * @throws AclError `DIRECTORY_NOT_FOUND`, `NOT_A_FILE` and `FILE_NOT_FOUND` naming the path, XML_* codes naming the file and line
 */
export function loadMagentoTree(dir: string, options: LoadTreeOptions = {}): MagentoModel {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new AclError(`${dir} is not a directory`, 'DIRECTORY_NOT_FOUND');
  const files = orderFiles(findConfigFiles(dir, 0), dir, options.moduleOrder ?? []);
  const maxRead = Math.max(options.limits?.maxBytes ?? 0, MAX_XML_READ_BYTES);
  const read = (file: string) => ({
    text: readRegularFile(file, maxRead, NOT_A_FILE_HINT),
    label: relative(dir, file).split(sep).join('/'),
  });
  const acl = files
    .filter((file) => file.endsWith('acl.xml'))
    .map(read)
    .map(({ text, label }) => parseAclXml(text, { file: label }, options.limits));
  const webapi = files
    .filter((file) => file.endsWith('webapi.xml'))
    .map(read)
    .map(({ text, label }) => parseWebapiXml(text, { file: label }, options.limits));
  return createMagentoModel({ acl, webapi, source: dir });
}

function findConfigFiles(dir: string, depth: number): string[] {
  if (depth > 4) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (depth > 0 && CONFIG_FILE_NAMES.has(entry.name)) {
      statRegularFile(full, NOT_A_FILE_HINT);
      out.push(full);
    } else if (
      entry.isDirectory() &&
      !entry.name.startsWith('.') &&
      !entry.name.startsWith('_') &&
      entry.name !== 'node_modules'
    )
      out.push(...findConfigFiles(full, depth + 1));
  }
  return out;
}

function orderFiles(files: string[], dir: string, moduleOrder: readonly string[]): string[] {
  const moduleOf = (file: string) => relative(dir, file).split(sep)[0];
  const rank = (file: string) => {
    const at = moduleOrder.indexOf(moduleOf(file));
    return at === -1 ? moduleOrder.length : at;
  };
  return [...files].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export { buildStockDataFromCorpus, resolveSharedMagentoXmlDir } from './stock-corpus';
