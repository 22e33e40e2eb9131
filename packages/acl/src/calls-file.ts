import { AclError } from './acl-error';
import { computeLeastPrivilege } from './least-privilege';
import type { MagentoModel } from './magento-model';
import { formatRouteSuggestions, suggestRoutes } from './route-suggestions';
import { sortInTreeOrder } from './tree-queries';

/** A non-blank line of a calls file, `#` comments stripped: `METHOD /path`, or null when malformed. */
export interface CallsFileLine {
  /** 1-based line number. */
  line: number;
  text: string;
  call: { method: string; path: string } | null;
}

/** Reads a calls file's text (one `METHOD /path` per line, `#` comments, blank lines skipped). Pure. */
export function parseCallsText(text: string): CallsFileLine[] {
  const lines: CallsFileLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.replace(/#.*$/, '').trim();
    if (trimmed === '') return;
    const match = /^([A-Za-z]+)\s+(\S+)$/.exec(trimmed);
    lines.push({ line: index + 1, text: trimmed, call: match === null ? null : { method: match[1], path: match[2] } });
  });
  return lines;
}

/** What a calls file needs: each call's resources, their union, and every line that cannot be granted. */
export interface CallsFilePlan {
  calls: Array<{ line: number; call: string; resources: string[] }>;
  /** The union of the calls' resources, in tree order. */
  resources: string[];
  /**
   * `{line, message}` for malformed lines, unrouted calls and calls only "All resources" passes; an
   * unrouted call also has `suggestions`, the nearest route ids of its method ({@link suggestRoutes}),
   * named in its message ("did you mean `GET /V1/store/storeConfigs`?").
   */
  problems: Array<{ line: number; message: string; suggestions?: string[] }>;
  /** Non-blank lines read. */
  lineCount: number;
}

/**
 * The least privilege of a calls file, line by line, on `model`; problems are collected, not thrown, so
 * a configuration reader can name every bad line in one message.
 */
export function planCallsFile(model: MagentoModel, text: string): CallsFilePlan {
  const lines = parseCallsText(text);
  const plan: CallsFilePlan = { calls: [], resources: [], problems: [], lineCount: lines.length };
  for (const { line, text: raw, call } of lines) {
    if (call === null) {
      plan.problems.push({ line, message: `"${raw}" is not "METHOD /V1/path"` });
      continue;
    }
    try {
      const least = computeLeastPrivilege(model, [call]);
      if (least.unmatched.length > 0)
        plan.problems.push({ line, ...describeUnmatchedCall(model, call, raw, least.calls[0]?.problem) });
      else if (least.requiresAllResources)
        plan.problems.push({
          line,
          message: `${raw} needs "All resources" (a self route or an id no acl.xml defines), which a resource list cannot grant`,
        });
      else plan.calls.push({ line, call: `${call.method.toUpperCase()} ${call.path}`, resources: least.resources });
    } catch (error) {
      if (!(error instanceof AclError)) throw error;
      plan.problems.push({ line, message: `${raw}: ${withoutFinalPeriod(error.message)}` });
    }
  }
  plan.resources = sortInTreeOrder(model.tree, new Set(plan.calls.flatMap((entry) => entry.resources)));
  return plan;
}

/**
 * The problem of a call that matches no route: Magento's message (without its final period, so that
 * the problem reads well inside a sentence) and, when some are close, the nearest routes.
 */
export function describeUnmatchedCall(
  model: MagentoModel,
  call: { method: string; path: string },
  label: string,
  problem = 'matches no route',
): { message: string; suggestions?: string[] } {
  const suggestions = suggestRoutes(model, call.method, call.path);
  const message = `${label}: ${withoutFinalPeriod(problem)}`;
  return suggestions.length === 0
    ? { message }
    : { message: `${message}; ${formatRouteSuggestions(suggestions)}`, suggestions };
}

function withoutFinalPeriod(text: string): string {
  return text.replace(/\.+$/, '');
}
