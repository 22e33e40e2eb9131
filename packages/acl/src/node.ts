import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AclError } from './acl-error';
import { parseAclXml } from './acl-xml';
import { createMagentoModel, type MagentoModel } from './magento-model';
import { parseWebapiXml } from './webapi-xml';
import type { XmlLimits } from './xml/safe-xml';

/** Options for loading a tree of Magento modules from disk. */
export interface LoadTreeOptions {
  /** Module folder names in load order; folders not listed follow alphabetically. Default: alphabetical. */
  moduleOrder?: readonly string[];
  limits?: XmlLimits;
}

/**
 * Loads every `acl.xml` and `webapi.xml` under `dir` — `<Module>/acl.xml` as in the shared corpus, or
 * `<Module>/etc/acl.xml` / `<Vendor>/<Module>/etc/acl.xml` as in `app/code` — and builds the model.
 * The only file I/O of the package.
 *
 * @throws AclError `DIRECTORY_NOT_FOUND`, XML_* codes naming the file and line
 */
export function loadMagentoTree(dir: string, options: LoadTreeOptions = {}): MagentoModel {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AclError(`${dir} is not a directory`, 'DIRECTORY_NOT_FOUND');
  const files = orderFiles(findConfigFiles(dir, 0), dir, options.moduleOrder ?? []);
  const read = (file: string) => ({ text: readFileSync(file), label: relative(dir, file).split(sep).join('/') });
  const acl = files.filter((file) => file.endsWith('acl.xml')).map(read).map(({ text, label }) => parseAclXml(text, { file: label }, options.limits));
  const webapi = files.filter((file) => file.endsWith('webapi.xml')).map(read).map(({ text, label }) => parseWebapiXml(text, { file: label }, options.limits));
  return createMagentoModel({ acl, webapi, source: dir });
}

function findConfigFiles(dir: string, depth: number): string[] {
  if (depth > 4) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('_') && entry.name !== 'node_modules') out.push(...findConfigFiles(full, depth + 1));
    else if (entry.isFile() && (entry.name === 'acl.xml' || entry.name === 'webapi.xml') && depth > 0) out.push(full);
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
