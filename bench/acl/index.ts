/**
 * bench/acl: route matches per second over every route of the Magento 2.4.6-p1 corpus (sample param
 * values; /rest, store-code, /rest/all, /index.php and async / async-bulk prefixes) for the
 * @magekit/acl matcher vs a straightforward port of Magento's own router (filter by method and the
 * first two path segments, ksort, try each route's regex in order, last match wins), same inputs,
 * results checked equal; plus corpus parse time. Falls back to the committed stock table.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createMagentoModel,
  loadStockModel,
  matchRoute,
  parseAclXml,
  parseRestPath,
  parseWebapiXml,
  type MagentoModel,
  type Route,
} from '@magekit/acl';
import { measure, printTable } from '../lib/measure';

const corpusDir = join(process.env.MAGEKIT_SHARED_DIR ?? resolve(__dirname, '..', '..', '..', 'shared'), 'magento-xml');
const haveCorpus = existsSync(corpusDir);

function readCorpus(): Array<{ kind: 'acl' | 'webapi'; file: string; text: string }> {
  const out: Array<{ kind: 'acl' | 'webapi'; file: string; text: string }> = [];
  for (const module of readdirSync(corpusDir).sort()) {
    for (const kind of ['acl', 'webapi'] as const) {
      const file = join(corpusDir, module, `${kind}.xml`);
      if (existsSync(file)) out.push({ kind, file: `${module}/${kind}.xml`, text: readFileSync(file, 'utf8') });
    }
  }
  return out;
}

function parseCorpus(files: ReturnType<typeof readCorpus>): MagentoModel {
  return createMagentoModel({
    acl: files.filter((f) => f.kind === 'acl').map((f) => parseAclXml(f.text, { file: f.file })),
    webapi: files.filter((f) => f.kind === 'webapi').map((f) => parseWebapiXml(f.text, { file: f.file })),
  });
}

const files = haveCorpus ? readCorpus() : [];
const model = haveCorpus ? parseCorpus(files) : loadStockModel();
const routes = model.routes.routes;

// Inputs: every route url with sample values, behind every prefix Magento accepts.
const inputs: Array<{ method: string; path: string }> = [];
routes.forEach((route, i) => {
  const tail = route.url.slice('/V1'.length).replace(/:(\w+)/g, (_m, name: string) => `${name}-${i}%2Fx`);
  const prefixes = ['/rest/V1', '/rest/default/V1', '/rest/all/V1', '/index.php/rest/V1'];
  if (route.method !== 'GET') prefixes.push('/rest/async/V1', '/rest/async/bulk/V1', '/rest/es_mx/async/bulk/V1');
  for (const prefix of prefixes) inputs.push({ method: route.method, path: prefix + tail });
});

/** Magento's router, ported straightforwardly (Webapi\Model\Rest\Config + Controller\Rest\Router). */
function createMagentoStyleMatcher(all: readonly Route[]) {
  const compiled = all.map((route) => {
    const names: string[] = [];
    const pattern = route.url
      .replace(/^\/+|\/+$/g, '')
      .split('/')
      .map((seg) =>
        seg.startsWith(':') && seg[1] !== ':'
          ? (names.push(seg.slice(1)), '([^/]*)')
          : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    return { route, trimmed: route.url.replace(/^\/+|\/+$/g, ''), regex: new RegExp(`^${pattern}$`), names };
  });
  const byUrl = new Map(compiled.map((c) => [`${c.route.method} ${c.route.url}`, c]));
  return (method: string, path: string): { url: string; params: Record<string, string> } | null => {
    const pathInfo = parseRestPath(path, method).pathInfo;
    const exact = byUrl.get(`${method} ${pathInfo}`);
    const base = /^\/?\w+\/\w+/.exec(pathInfo)?.[0].replace(/^\/+/, '');
    const candidates = exact
      ? [exact]
      : base === undefined
        ? []
        : compiled
            .filter((c) => c.route.method === method && c.trimmed.startsWith(base))
            .sort((a, b) => (a.route.url < b.route.url ? -1 : a.route.url > b.route.url ? 1 : 0));
    const target = pathInfo.replace(/^\/+|\/+$/g, '');
    let winner: { url: string; params: Record<string, string> } | null = null;
    for (const c of candidates) {
      const m = c.regex.exec(target);
      if (m === null) continue;
      const params: Record<string, string> = {};
      c.names.forEach((name, k) => (params[name] = decodeURIComponent(m[k + 1].replace(/\+/g, ' '))));
      winner = { url: c.route.url, params };
    }
    return winner;
  };
}

/**
 * Closer still to Magento's PHP: `ksort` of every url on every request, a `strpos` prefix test per url,
 * then `Route::match()` exploding route and path for each candidate (no precompiled regex).
 */
function createMagentoFaithfulMatcher(all: readonly Route[]) {
  const byUrl = new Map<string, Map<string, Route>>();
  for (const route of all) byUrl.set(route.url, (byUrl.get(route.url) ?? new Map()).set(route.method, route));
  const trim = (value: string) => value.replace(/^\/+|\/+$/g, '');
  return (method: string, path: string): { url: string; params: Record<string, string> } | null => {
    const pathInfo = parseRestPath(path, method).pathInfo;
    const urls = [...byUrl.keys()];
    const matched: Array<{ url: string; params: Record<string, string> }> = [];
    const tryRoute = (url: string) => {
      const pathParts = trim(pathInfo).split('/');
      const routeParts = trim(url).split('/');
      if (pathParts.length !== routeParts.length) return;
      const params: Record<string, string> = {};
      for (let k = 0; k < pathParts.length; k++) {
        const seg = routeParts[k];
        if (seg.startsWith(':') && seg[1] !== ':')
          params[seg.slice(1)] = decodeURIComponent(pathParts[k].replace(/\+/g, ' '));
        else if (seg !== pathParts[k]) return;
      }
      matched.push({ url, params });
    };
    if (byUrl.get(pathInfo)?.has(method)) tryRoute(pathInfo);
    else {
      const base = /^\/?\w+\/\w+/.exec(pathInfo)?.[0];
      urls.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const url of urls)
        if (base !== undefined && trim(url).startsWith(trim(base)) && byUrl.get(url)?.has(method)) tryRoute(url);
    }
    return matched.pop() ?? null;
  };
}

const magentoStyle = createMagentoStyleMatcher(routes);
const magentoFaithful = createMagentoFaithfulMatcher(routes);

// Correctness first: both matchers must agree on every input.
let mismatches = 0;
for (const input of inputs) {
  const ours = matchRoute(model.routes, input.method, input.path);
  for (const theirs of [magentoStyle(input.method, input.path), magentoFaithful(input.method, input.path)]) {
    if (ours.route?.url !== theirs?.url || JSON.stringify(ours.params) !== JSON.stringify(theirs?.params ?? {}))
      mismatches++;
  }
}
if (mismatches > 0) throw new Error(`${mismatches} inputs matched differently`);

const ours = measure('@magekit/acl matchRoute (trie)', inputs.length, () => {
  for (const input of inputs) matchRoute(model.routes, input.method, input.path);
});
const theirs = measure('Magento-style (filter, ksort, regex)', inputs.length, () => {
  for (const input of inputs) magentoStyle(input.method, input.path);
});

const faithful = measure('Magento PHP port (ksort all, explode)', inputs.length, () => {
  for (const input of inputs) magentoFaithful(input.method, input.path);
});

console.log(
  `corpus: ${haveCorpus ? corpusDir : 'committed stock table (corpus absent)'}; ${routes.length} routes on ${model.routes.urlCount} urls; ${inputs.length} request paths; all matchers agree on all of them`,
);
printTable('route matches per second', 'match', [ours, theirs, faithful], theirs);
console.log(
  `\n  @magekit/acl vs Magento-style (filter, ksort, regex): ${(ours.opsPerSecond / theirs.opsPerSecond).toFixed(1)}x (goal ≥ 20x)`,
);
console.log(
  `  @magekit/acl vs Magento PHP port:                 ${(ours.opsPerSecond / faithful.opsPerSecond).toFixed(1)}x`,
);

if (haveCorpus) {
  const parse = measure('parse + merge corpus (from memory)', 1, () => parseCorpus(files), 2, 5);
  console.log(
    `\ncorpus parse: ${files.length} files, ${(1000 / parse.opsPerSecond).toFixed(1)} ms per full parse + merge + index (${parse.opsPerSecond.toFixed(1)}/s)`,
  );
}
