import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Tree } from '@nx/devkit';
import { AclError, loadStockModel, planCallsFile, sortInTreeOrder, STOCK_RELEASE } from '@magekit/acl';
import { readCallsFile as readCallsFileOnDisk } from '@magekit/acl/node';
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
    if (unknown.length > 0)
      fail(
        `--resources: not in the ACL tree of stock ${STOCK_RELEASE}: ${unknown.join(', ')} (expected ids such as Magento_Catalog::products).`,
      );
    return { source: 'resources', resources: sortInTreeOrder(model.tree, options.resources) };
  }
  if (options.calls === null) return { source: 'none', resources: [] };
  const plan = planCallsFile(model, readCallsFile(tree, options.calls));
  if (plan.problems.length > 0)
    fail(
      `--calls ${options.calls}: ${endSentence(plan.problems.map((problem) => `${options.calls}:${problem.line} ${problem.message}`).join('; '))}`,
    );
  if (plan.calls.length === 0)
    fail(`--calls ${options.calls} lists no calls: one "METHOD /V1/path" per line (# comments).`);
  return {
    source: 'calls',
    file: options.calls,
    calls: plan.calls.map(({ call, resources }) => ({ call, resources })),
    resources: plan.resources,
  };
}

/** The text with a final period, unless it ends with one or a question ("did you mean …?"). */
function endSentence(text: string): string {
  return /[.?]$/.test(text) ? text : `${text}.`;
}

/**
 * The calls file relative to the workspace root, or an absolute path outside it. A file on disk is
 * read through @magekit/acl's `readCallsFile` (a regular file of at most 1 MiB, so `/dev/zero` or a
 * FIFO is refused at once); a file only in the tree (tests, earlier generators) from the tree.
 */
function readCallsFile(tree: Tree, file: string): string {
  const inside = isAbsolute(file) ? relative(tree.root, file) : file;
  const outside = isAbsolute(inside) || inside.startsWith('..');
  const onDisk = outside ? file : join(tree.root, inside);
  try {
    if (outside || (existsSync(onDisk) && !tree.listChanges().some((change) => change.path === inside)))
      return readCallsFileOnDisk(onDisk);
    const text = tree.read(inside, 'utf-8');
    if (text !== null) return text;
  } catch (error) {
    if (error instanceof AclError) return fail(`--calls ${file}: ${error.message}`);
  }
  return fail(`--calls ${file}: no such file (give a path relative to the workspace root).`);
}
