import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Tree } from '@nx/devkit';
import { loadStockModel, planCallsFile, sortInTreeOrder, STOCK_RELEASE } from '@magekit/acl';
import { fail, type NormalizedIntegrationOptions } from './normalize-options';

/** One line of a calls file and the ACL ids it needs. */
export interface PlannedCallLine {
  call: string;
  resources: string[];
}

/** The app's required resources and where they came from. */
export type RequiredResources =
  | { source: 'none'; resources: [] }
  | { source: 'resources'; resources: string[] }
  | { source: 'calls'; file: string; calls: PlannedCallLine[]; resources: string[] };

/**
 * `--resources`: ids checked against the stock ACL tree; `--calls`: the least privilege of the
 * file's calls on the stock route table (@magekit/acl). Both in tree order, every bad id or line named.
 */
export function resolveRequiredResources(tree: Tree, options: NormalizedIntegrationOptions): RequiredResources {
  const model = loadStockModel();
  if (options.resources !== null) {
    const unknown = options.resources.filter((id) => !model.tree.nodes.has(id));
    if (unknown.length > 0) fail(`--resources: not in the ACL tree of stock ${STOCK_RELEASE}: ${unknown.join(', ')} (expected ids such as Magento_Catalog::products).`);
    return { source: 'resources', resources: sortInTreeOrder(model.tree, options.resources) };
  }
  if (options.calls === null) return { source: 'none', resources: [] };
  const plan = planCallsFile(model, readCallsFile(tree, options.calls));
  if (plan.problems.length > 0) fail(`--calls ${options.calls}: ${plan.problems.map((problem) => `${options.calls}:${problem.line} ${problem.message}`).join('; ')}.`);
  if (plan.calls.length === 0) fail(`--calls ${options.calls} lists no calls: one "METHOD /V1/path" per line (# comments).`);
  return { source: 'calls', file: options.calls, calls: plan.calls.map(({ call, resources }) => ({ call, resources })), resources: plan.resources };
}

/** The calls file from the tree (a real tree reads the disk), relative to the workspace root; or an absolute path outside it. */
function readCallsFile(tree: Tree, file: string): string {
  const inside = isAbsolute(file) ? relative(tree.root, file) : file;
  const outside = isAbsolute(inside) || inside.startsWith('..');
  try {
    const text = outside ? readFileSync(file, 'utf8') : tree.read(inside, 'utf-8');
    if (text !== null) return text;
  } catch {
    // reported below
  }
  return fail(`--calls ${file}: no such file (give a path relative to the workspace root).`);
}
