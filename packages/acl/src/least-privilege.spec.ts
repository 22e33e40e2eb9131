import {
  parseIntegrationApiXml,
  parseIntegrationConfigXml,
  parseIntegrationXml,
  mergeIntegrationDeclarations,
} from './integration-xml';
import { emitIntegrationXml } from './integration-xml-emit';
import { resolveIntegrationResources } from './integration-resources';
import { computeLeastPrivilege, listReachableRoutes } from './least-privilege';
import { decide } from './decide';
import { loadMiniModel, readFixture } from './test-helpers/fixtures';

const model = loadMiniModel();

describe('least privilege (mini fixtures)', () => {
  const calls = [
    { method: 'GET', path: '/rest/default/V1/shop/products/abc' },
    { method: 'PUT', path: '/rest/V1/shop/products/abc' },
    { routeId: 'GET /V1/crm/notes/:noteId' },
    { method: 'POST', path: '/rest/V1/shop/token' },
    { method: 'GET', path: '/rest/V1/shop/nowhere/x/y' },
  ];

  it('gives the minimal resource set, the ancestors the admin tree shows ticked, and unmatched calls', () => {
    const result = computeLeastPrivilege(model, calls);
    expect(result.resources).toEqual(['Acme_Crm::notes', 'Acme_Shop::products', 'Acme_Shop::products_edit']);
    expect(result.ticked).toEqual([
      'Acme_Shop::shop',
      'Acme_Crm::notes',
      'Acme_Shop::products',
      'Acme_Shop::products_edit',
    ]);
    expect(result.unmatched).toEqual(['GET /rest/V1/shop/nowhere/x/y']);
    expect(result.requiresAllResources).toBe(false);
    expect(result.calls[2]).toMatchObject({ route: '/V1/crm/notes/:noteId', resources: ['Acme_Crm::notes'] });
  });

  it('the minimal set really allows every call, and dropping any id refuses one', () => {
    const { resources } = computeLeastPrivilege(model, calls);
    const matched = calls.slice(0, 4).map((c) => ('routeId' in c ? { method: 'GET', path: '/V1/crm/notes/1' } : c));
    for (const call of matched)
      expect(decide(model, { type: 'integration', resources }, call.method, call.path).allowed).toBe(true);
    for (const dropped of resources) {
      const fewer = resources.filter((id) => id !== dropped);
      expect(
        matched.some(
          (call) => !decide(model, { type: 'integration', resources: fewer }, call.method, call.path).allowed,
        ),
      ).toBe(true);
    }
  });

  it('flags self routes and undefined resources as needing "All resources"', () => {
    const result = computeLeastPrivilege(model, [
      { method: 'GET', path: '/V1/shop/me/orders' },
      { method: 'GET', path: '/V1/shop/ghost' },
    ]);
    expect(result).toMatchObject({
      resources: [],
      selfRoutes: ['GET /V1/shop/me/orders'],
      undefinedResources: ['Acme_Ghost::undefined'],
      requiresAllResources: true,
    });
  });

  it('refuses an unknown route id', () => {
    expect(() => computeLeastPrivilege(model, [{ routeId: 'GET /V1/nope' }])).toThrow(
      expect.objectContaining({ code: 'INVALID_CALL' }),
    );
  });

  it('lists the routes a saved resource list reaches (the reverse)', () => {
    const reachable = listReachableRoutes(model, { type: 'integration', resources: ['Acme_Shop::orders'] }).map(
      (route) => route.id,
    );
    expect(reachable).toEqual([
      'GET /V1/crm/version/10',
      'GET /V1/shop/low/',
      'GET /V1/shop/orders/:orderId',
      'GET /V1/shop/products/types',
      'POST /V1/shop/token',
    ]);
    expect(listReachableRoutes(model, { type: 'integration', resources: 'all' })).toHaveLength(
      model.routes.routes.length,
    );
  });
});

describe('integration.xml (mini fixtures)', () => {
  it('emits an integration.xml that parses back to the same declaration', () => {
    const { ticked } = computeLeastPrivilege(model, [{ method: 'PUT', path: '/V1/shop/products/a' }]);
    const xml = emitIntegrationXml({
      name: 'Acme & Co "Sync"',
      email: 'ops@acme.test',
      endpointUrl: 'https://a.test/cb?x=1&y=2',
      resources: ticked,
    });
    const parsed = parseIntegrationXml(xml, { file: 'etc/integration.xml' });
    expect(parsed.integrations).toEqual([
      {
        name: 'Acme & Co "Sync"',
        email: 'ops@acme.test',
        endpointUrl: 'https://a.test/cb?x=1&y=2',
        resources: ['Acme_Shop::shop', 'Acme_Shop::products', 'Acme_Shop::products_edit'],
        line: 3,
      },
    ]);
    expect(() => emitIntegrationXml({ name: ' ', email: 'x@y', resources: [] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INTEGRATION' }),
    );
  });

  it('Magento adds the parents of integration.xml resources and drops ids it cannot find under the admin root', () => {
    const [declaration] = parseIntegrationXml(readFixture('integration', 'integration.xml')).integrations;
    expect(resolveIntegrationResources(model.tree, declaration.resources)).toEqual({
      granted: ['Acme_Shop::shop', 'Acme_Shop::products', 'Acme_Shop::products_edit'],
      dropped: ['Acme_Ghost::undefined', 'Magento_Backend::all'],
    });
  });

  it('merges the deprecated config.xml and api.xml by integration name', () => {
    const merged = mergeIntegrationDeclarations([
      parseIntegrationConfigXml(readFixture('integration', 'config.xml')),
      parseIntegrationApiXml(readFixture('integration', 'api.xml')),
    ]);
    expect(merged).toEqual([
      {
        name: 'Acme Legacy',
        email: 'legacy@acme.test',
        endpointUrl: 'https://legacy.acme.test/endpoint',
        resources: ['Acme_Shop::orders'],
        line: 4,
      },
    ]);
  });

  it('an integration.xml declaration without email in any file is refused after merging', () => {
    const file = parseIntegrationXml('<config><integration name="x"/></config>');
    expect(() => mergeIntegrationDeclarations([file])).toThrow(
      expect.objectContaining({ code: 'INVALID_INTEGRATION' }),
    );
  });

  it.each([
    [
      'integration.xml with a foreign element',
      () =>
        parseIntegrationXml('<config>\n<integration name="x"><secret/></integration></config>', {
          file: 'etc/integration.xml',
        }),
      /unexpected <secret>/,
      'etc/integration.xml',
      2,
    ],
    [
      'integration.xml with a nameless resource',
      () =>
        parseIntegrationXml(
          '<config><integration name="x">\n<resources>\n\n<resource/></resources></integration></config>',
          { file: 'etc/integration.xml' },
        ),
      /needs a non-empty "name"/,
      'etc/integration.xml',
      4,
    ],
    [
      'config.xml with resources',
      () =>
        parseIntegrationConfigXml('<integrations>\n<integration name="x"><resources/></integration></integrations>', {
          file: 'etc/integration/config.xml',
        }),
      /unexpected <resources>/,
      'etc/integration/config.xml',
      2,
    ],
    [
      'api.xml with the wrong root',
      () => parseIntegrationApiXml('\n<config/>', { file: 'etc/integration/api.xml' }),
      /root element is <config>/,
      'etc/integration/api.xml',
      2,
    ],
  ])('refuses %s with XML_INVALID_STRUCTURE naming file and line', (_name, parse, message, file, line) => {
    expect(parse).toThrow(message);
    expect(parse).toThrow(expect.objectContaining({ code: 'XML_INVALID_STRUCTURE', file, line }));
  });

  it('refuses a DOCTYPE in an integration file like every other config file', () => {
    const parse = () =>
      parseIntegrationXml(
        '<!DOCTYPE config [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<config><integration name="&x;"/></config>',
        { file: 'etc/integration.xml' },
      );
    expect(parse).toThrow(expect.objectContaining({ code: 'XML_DTD_FORBIDDEN', file: 'etc/integration.xml' }));
  });
});
