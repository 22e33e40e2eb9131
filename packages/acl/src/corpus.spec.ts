import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decide } from './decide';
import { explainRequest } from './explain';
import { parseIntegrationApiXml, parseIntegrationConfigXml, parseIntegrationXml } from './integration-xml';
import { matchRoute } from './match-route';
import { buildStockDataFromCorpus, loadMagentoTree } from './node';
import { fromBytes, trim, toBytes, urldecode } from '@magekit/php';
import type { Route } from './route-table';
import { loadStockModel } from './stock-table';

const sharedDir = process.env.MAGEKIT_SHARED_DIR ?? resolve(__dirname, '..', '..', '..', '..', 'shared');
const corpusDir = join(sharedDir, 'magento-xml');
const describeCorpus = existsSync(corpusDir) ? describe : describe.skip;

/** Magento's own algorithm, written naively: exact hit, else filter + ksort + try each, last wins. */
function matchLikeMagento(
  routes: readonly Route[],
  method: string,
  pathInfo: string,
): { url: string; params: Record<string, string> } | null {
  const exact = routes.find((r) => r.method === method && r.url === pathInfo);
  const base = /^\/?\w+\/\w+/.exec(pathInfo)?.[0];
  const candidates = exact
    ? [exact]
    : base === undefined
      ? []
      : routes
          .filter((r) => r.method === method && trim(r.url, '/').startsWith(trim(base, '/')))
          .sort((a, b) => (a.url < b.url ? -1 : 1));
  let winner: { url: string; params: Record<string, string> } | null = null;
  const parts = trim(pathInfo, '/').split('/');
  for (const route of candidates) {
    const routeParts = trim(route.url, '/').split('/');
    if (routeParts.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = routeParts.every((seg, i) =>
      seg.startsWith(':') && seg[1] !== ':'
        ? ((params[seg.slice(1)] = fromBytes(urldecode(toBytes(parts[i])))), true)
        : seg === parts[i],
    );
    if (ok) winner = { url: route.url, params };
  }
  return winner;
}

describeCorpus('on the shared Magento 2.4.6-p1 corpus (reads ../shared/magento-xml)', () => {
  const model = loadMagentoTree(corpusDir);
  const routes = model.routes.routes;

  it('parses every acl.xml and webapi.xml: 414 routes on 329 urls, 262 ACL resources plus 1 disabled', () => {
    const modules = readdirSync(corpusDir, { withFileTypes: true }).filter(
      (e) => e.isDirectory() && !e.name.startsWith('_'),
    );
    expect(modules.filter((m) => existsSync(join(corpusDir, m.name, 'webapi.xml')))).toHaveLength(34);
    expect(modules.filter((m) => existsSync(join(corpusDir, m.name, 'acl.xml')))).toHaveLength(65);
    expect(routes).toHaveLength(414);
    expect(model.routes.urlCount).toBe(329);
    expect(model.tree.nodes.size).toBe(262);
    expect([...model.tree.disabledIds]).toEqual(['Magento_Config::advanced']);
    expect(model.tree.roots).toEqual(['Magento_Backend::all', 'Magento_Backend::admin']);
  });

  it('route resources: 59 anonymous, 38 self, 317 ACL references to 56 distinct ids, one undefined, never two per route', () => {
    const refs = routes.flatMap((r) => r.resources);
    expect(refs.filter((r) => r === 'anonymous')).toHaveLength(59);
    expect(refs.filter((r) => r === 'self')).toHaveLength(38);
    const aclRefs = refs.filter((r) => r !== 'anonymous' && r !== 'self');
    expect(aclRefs).toHaveLength(317);
    expect(new Set(aclRefs).size).toBe(56);
    expect([...new Set(aclRefs)].filter((id) => !model.tree.nodes.has(id))).toEqual([
      'Magento_AdobeStockImage::actions_view',
    ]);
    expect(routes.filter((r) => r.resources.length > 1)).toEqual([]);
  });

  it('POST /V1/integration/admin/token is declared by Integration and TwoFactorAuth; the later service wins', () => {
    expect(model.routes.getRoute('POST /V1/integration/admin/token')).toMatchObject({
      declaredIn: ['Integration/webapi.xml', 'TwoFactorAuth/webapi.xml'],
      serviceClass: 'Magento\\TwoFactorAuth\\Api\\AdminTokenServiceInterface',
      resources: ['anonymous'],
    });
  });

  it('/V1/stockItems/lowStock/ keeps its trailing slash and still matches without it', () => {
    expect(model.routes.getRoute('GET /V1/stockItems/lowStock/')).toBeDefined();
    expect(
      matchRoute(model.routes, 'GET', '/rest/default/V1/stockItems/lowStock?scopeId=0&qty=10&pageSize=5').route?.url,
    ).toBe('/V1/stockItems/lowStock/');
  });

  it.each([
    ['GET', 'attributes'],
    ['GET', 'types'],
    ['PUT', 'tier-prices'],
  ])('%s of a product whose SKU is "%s" is shadowed by a literal route', (method, sku) => {
    expect(model.routes.getRoute(`${method} /V1/products/:sku`)).toBeDefined();
    const match = matchRoute(model.routes, method, `/rest/V1/products/${sku}`);
    expect(match.route?.url).toBe(`/V1/products/${sku}`);
    expect(matchRoute(model.routes, method, '/rest/V1/products/other-sku').route?.url).toBe('/V1/products/:sku');
  });

  it('91 pairs of routes (same method) can match the same path: the more literal route wins, ties go to the later url in ksort order', () => {
    const split = (route: Route) => trim(route.url, '/').split('/');
    const isParam = (seg: string) => seg.startsWith(':') && seg[1] !== ':';
    const compatible = (a: Route, b: Route) => {
      const [x, y] = [split(a), split(b)];
      return (
        a.method === b.method &&
        x.length === y.length &&
        x.every((seg, i) => seg === y[i] || isParam(seg) || isParam(y[i]))
      );
    };
    const pairs: Array<[Route, Route]> = [];
    routes.forEach((a, i) => routes.slice(i + 1).forEach((b) => compatible(a, b) && pairs.push([a, b])));
    expect(pairs).toHaveLength(91);
    const literalCount = (route: Route) => split(route).filter((seg) => !isParam(seg)).length;
    const ties: string[] = [];
    for (const [a, b] of pairs) {
      const [x, y] = [split(a), split(b)];
      const sample = '/' + x.map((seg, i) => (!isParam(seg) ? seg : !isParam(y[i]) ? y[i] : 'p')).join('/');
      const winner = matchRoute(model.routes, a.method, sample).route;
      const later = a.url > b.url ? a : b;
      const expected = literalCount(a) === literalCount(b) ? later : literalCount(a) > literalCount(b) ? a : b;
      if (literalCount(a) === literalCount(b)) ties.push(sample);
      expect([sample, winner?.id]).toEqual([sample, expected.id]);
    }
    expect(ties).toContain('/V1/categories/attributes/products');
    expect(ties).toHaveLength(19);
  });

  it('GET /V1/adobestock/asset/search needs the undefined Magento_AdobeStockImage::actions_view: only "all" passes', () => {
    const refused = decide(
      model,
      { type: 'integration', resources: ['Magento_Backend::admin', 'Magento_Cms::media_gallery'] },
      'GET',
      '/rest/V1/adobestock/asset/search',
    );
    expect(refused).toMatchObject({
      allowed: false,
      missing: ['Magento_AdobeStockImage::actions_view'],
      message: "The consumer isn't authorized to access Magento_AdobeStockImage::actions_view.",
    });
    expect(
      decide(model, { type: 'integration', resources: 'all' }, 'GET', '/rest/V1/adobestock/asset/search').allowed,
    ).toBe(true);
  });

  it('spot checks: products need Magento_Catalog::products, catalog alone is not enough', () => {
    const decision = decide(
      model,
      { type: 'integration', resources: ['Magento_Catalog::catalog'] },
      'GET',
      '/rest/default/V1/products/ABC%2F10',
    );
    expect(decision).toMatchObject({
      route: '/V1/products/:sku',
      params: { sku: 'ABC/10' },
      allowed: false,
      message: "The consumer isn't authorized to access Magento_Catalog::products.",
    });
    const me = decide(model, { type: 'customer', customerId: 5 }, 'PUT', '/rest/V1/customers/me');
    expect(me.forcedParams.find((p) => p.name === 'customer.id')).toMatchObject({ value: 5, force: true });
    expect(explainRequest(model, 'GET', '/V1/products/x').resources[0].breadcrumb).toBe(
      'Magento Admin > Catalog > Inventory > Products',
    );
  });

  it("the trie matcher agrees with a naive port of Magento's router on every route url, with prefixes", () => {
    let checked = 0;
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, (_m, name: string) => `${name}%2Fv+1`);
      for (const prefix of ['/rest/V1', '/rest/default/V1', '/index.php/rest/all/V1']) {
        const full = prefix + path.slice('/V1'.length);
        const ours = matchRoute(model.routes, route.method, full);
        const theirs = matchLikeMagento(routes, route.method, ours.request.pathInfo);
        expect([full, ours.route?.url ?? null, ours.params]).toEqual([full, theirs?.url ?? null, theirs?.params ?? {}]);
        checked++;
      }
    }
    expect(checked).toBe(414 * 3);
  });

  it('the committed stock table is up to date with the corpus (regenerate: nx run acl:generate-stock-table)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, 'data', 'stock-2.4.6-p1.json'), 'utf8'));
    expect(buildStockDataFromCorpus(corpusDir)).toEqual(committed);
    const stock = loadStockModel();
    expect(stock.routes.routes.map((r) => r.id)).toEqual(routes.map((r) => r.id));
  });

  it('parses the integration examples, including the deprecated config.xml and api.xml', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
      );
    const examples = files(join(corpusDir, '_integration-examples'));
    const parsed = examples.map((file) => {
      const text = readFileSync(file);
      const name = file.split('/').pop() as string;
      if (name.startsWith('api')) return parseIntegrationApiXml(text, { file: name });
      if (name.startsWith('config')) return parseIntegrationConfigXml(text, { file: name });
      return parseIntegrationXml(text, { file: name });
    });
    expect(parsed).toHaveLength(7);
    const fromConfig = parsed.find((file) => file.integrations.some((i) => i.name === 'Test Integration1'));
    expect(fromConfig?.integrations[0]).toMatchObject({
      email: 'test-integration@magento.com',
      resources: ['Magento_Customer::customer', 'Magento_Customer::manage'],
    });
  });
});

describe('stock table (bundled, no corpus needed)', () => {
  it('loads without file I/O and decides with the stock routes', () => {
    const stock = loadStockModel();
    expect(stock.routes.routes).toHaveLength(414);
    expect(decide(stock, { type: 'guest' }, 'POST', '/rest/V1/integration/customer/token').allowed).toBe(true);
  });
});
