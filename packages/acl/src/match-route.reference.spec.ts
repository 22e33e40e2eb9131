import fc from 'fast-check';
import { AclError } from './acl-error';
import { listMatchingRoutes, matchRoute, type RouteMatch } from './match-route';
import { trim } from '@magekit/php';
import { parseRestPath, type RestPathOptions } from './rest-path';
import { createRouteTable, type Route, type RouteTable } from './route-table';
import { loadStockModel } from './stock-table';
import { loadMiniModel } from './test-helpers/fixtures';
import { referenceMatchingRoutes, referenceMatchRoute, referenceParseRestPath } from './test-helpers/reference-router';

const route = (method: Route['method'], url: string): Route => ({
  id: `${method} ${url}`,
  method,
  url,
  serviceClass: 'Vendor\\Api\\S',
  serviceMethod: 'run',
  resources: ['anonymous'],
  parameters: [],
  secure: false,
  declaredIn: ['tricky'],
});

/** Routes that exercise every corner of Route::match() and Rest\Config's prefix filter. */
const tricky = createRouteTable(
  [
    ['GET', '/V1/crm/10/x'],
    ['GET', '/V1/10/x'],
    ['GET', '/V1/010/y'],
    ['GET', '/V1/1.0/w'],
    ['GET', '/V1/:p/z'],
    ['GET', '/V1/x/:a'],
    ['GET', '/V1/x/:b'],
    ['GET', '/V1/x/:/k'],
    ['GET', '/V1/x/:0/k'],
    ['GET', '/V1/x/::lit'],
    ['GET', '/V1/t/'],
    ['GET', '/V1/t'],
    ['GET', '/V1'],
    ['GET', '/V1/-dash/q'],
    ['GET', '/V-1/q'],
    ['GET', '/V1//empty'],
    ['GET', '/V1/a.b/c'],
    ['POST', '/V1/x/:a/:a'],
    ['PUT', '/V1/1e1/z'],
    ['DELETE', '//V1/double'],
    ['GET', '/V1/crm/2024/:id'],
    ['GET', '/V1/crm/:year/:id'],
    ['GET', '/V1/ünï/x'],
    ['POST', '/V1/x/items'],
    ['POST', '/V1/x/:id'],
    ['PUT', '/V1/x/:id/5'],
    ['PUT', '/V1/x/05/:id'],
    ['GET', '/V2/x/:a'],
    ['GET', '/async/V1/x'],
  ].map(([method, url]) => route(method as Route['method'], url)),
);

const tables: Array<[string, RouteTable]> = [
  ['mini fixtures', loadMiniModel().routes],
  ['stock 2.4.6-p1 table', loadStockModel().routes],
  ['tricky routes', tricky],
];

const methods: fc.Arbitrary<string> = fc.constantFrom(
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'get',
  'Put',
  'PATCH',
  'HEAD',
  'G ET',
  '',
);
const segmentValue = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .stringMatching(/^(?:[a-zA-Z0-9_.-]|%2F|%2B|%20|%E2%82%AC|%C3|%zz|%|\+| )*$/)
      .filter((s) => s.length < 14),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '1e1',
      ' 10',
      '10 ',
      '+10',
      '0x1',
      '5',
      '05',
      '2024',
      '0',
      '',
      'ABC%2F10',
      'a+b%2Bc',
      'type%73',
      '\n',
      ':sku',
      '::lit',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%80',
      '%7F',
      '%7f',
      '%C3%A9',
      'x%C3',
      '%e2%82%ac',
      '%',
      '%4',
      '%4g',
      '%%41',
      'a%2F%2Fb',
      '%2B+',
      '\u00e9',
      '\ud83d\ude00',
      '\ud83d',
    ),
  },
);

/** A route of the table made into a request path: params filled in, literals sometimes changed. */
function routeRequest(table: RouteTable): fc.Arbitrary<{ method: string; path: string }> {
  const prefix = fc.constantFrom(
    '',
    '/rest',
    '/rest/default',
    '/rest/all',
    '/index.php/rest',
    '/rest/es_mx',
    '/rest/async',
    '/rest/async/bulk',
    '/rest/es_mx/async/bulk',
    'https://shop.test/rest',
    '/rest//V9/..',
  );
  const tail = fc.constantFrom('', '', '', '/', '?a=1', '#x', '//');
  return fc
    .tuple(
      fc.constantFrom(...table.routes),
      prefix,
      tail,
      fc.array(fc.tuple(fc.nat({ max: 9 }), segmentValue), { minLength: 12, maxLength: 12 }),
      fc.constantFrom('same', 'same', 'same', 'GET', 'POST'),
    )
    .map(([r, p, t, choices, method]) => {
      const segments = trim(r.url, '/')
        .split('/')
        .map((segment, i) => {
          const [roll, value] = choices[i % choices.length];
          const isParam = segment.startsWith(':') && segment[1] !== ':';
          if (isParam) return roll < 8 ? value : segment;
          return roll === 0 ? value : roll === 1 && /^\d+$/.test(segment) ? `0${segment}` : segment;
        });
      return { method: method === 'same' ? r.method : method, path: `${p}/${segments.join('/')}${t}` };
    });
}

/** Paths built from REST prefixes and the table's own segments (mostly not routes). */
function pathGenerator(table: RouteTable): fc.Arbitrary<string> {
  const words = new Set<string>([
    'V1',
    'V2',
    'V',
    'Vx',
    'x',
    '10',
    '010',
    '1.0',
    '0',
    '',
    'schema',
    'async',
    'bulk',
    ':sku',
    '::lit',
    'items',
  ]);
  for (const r of table.routes) for (const segment of trim(r.url, '/').split('/')) words.add(segment);
  const segment = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...words) }, { weight: 2, arbitrary: segmentValue });
  const prefix = fc.constantFrom(
    '',
    '/rest',
    '/index.php/rest',
    '/index.php',
    'https://shop.test/rest',
    'rest',
    '/rest/',
    '/rest//',
    '//rest',
    '/REST',
  );
  const store = fc.constantFrom(
    '',
    '/default',
    '/all',
    '/es_mx',
    '/V12',
    '/V1x',
    '/async',
    '/schema',
    '/Default',
    '/v2',
    '/x-y',
    '/_a',
    '//default',
  );
  const processor = fc.constantFrom('', '/async', '/async/bulk', '/async/bulk/schema', '/schema', '/async/schema');
  const tail = fc.constantFrom('', '/', '//', '?a=1', '#x', '/?b=2', '?x#y');
  return fc
    .tuple(prefix, store, processor, fc.array(segment, { maxLength: 6 }), tail)
    .map(([p, s, proc, segments, t]) => `${p}${s}${proc}${segments.length > 0 ? '/' : ''}${segments.join('/')}${t}`);
}

/** Requests: mostly real routes with values filled in, some arbitrary paths and methods. */
function requestGenerator(table: RouteTable): fc.Arbitrary<{ method: string; path: string }> {
  return fc.oneof(
    { weight: 3, arbitrary: routeRequest(table) },
    { weight: 1, arbitrary: fc.record({ method: methods, path: pathGenerator(table) }) },
  );
}

const storeOptions = fc.constantFrom<RestPathOptions>(
  {},
  { storeCodes: ['default', 'es_mx'] },
  { storeCodes: [''] },
  { storeCodes: ['V1', 'async'] },
);

/** Runs fn: its result, or the AclError code it threw (anything else fails). */
function settle<T>(fn: () => T): T | { thrown: string } {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AclError) return { thrown: error.code };
    throw error;
  }
}

const paramOrder = (match: RouteMatch | { thrown: string }) => ('params' in match ? Object.keys(match.params) : []);

describe.each(tables)("the indexed matcher agrees with a naive port of Magento's router (%s)", (_name, table) => {
  it('on generated paths, methods and store-code options: same route, params (and their order), request and error', () => {
    fc.assert(
      fc.property(requestGenerator(table), storeOptions, ({ method, path }, options) => {
        const fast = settle(() => matchRoute(table, method, path, options));
        const slow = settle(() => referenceMatchRoute(table, method, path, options));
        expect(fast).toEqual(slow);
        expect(paramOrder(fast)).toEqual(paramOrder(slow));
      }),
      { numRuns: 4000 },
    );
  });

  it('on every route url as a path (exact hits), with and without /rest prefixes', () => {
    for (const r of table.routes) {
      for (const path of [r.url, `/rest${r.url}`, `/rest/all${r.url}`, `${r.url}/`]) {
        expect(settle(() => matchRoute(table, r.method, path))).toEqual(
          settle(() => referenceMatchRoute(table, r.method, path)),
        );
      }
    }
  });

  it('lists the same matching routes and leftover request params as the naive router', () => {
    fc.assert(
      fc.property(requestGenerator(table), ({ method, path }) => {
        if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) return;
        const request = settle(() => parseRestPath(path, method));
        if ('thrown' in request) return;
        const listed = listMatchingRoutes(table, method, request.pathInfo);
        const expected = referenceMatchingRoutes(table.routes, method, request.pathInfo);
        expect(listed.routes.map((r) => r.id)).toEqual(expected.map((m) => m.route.id));
        expect(listed.requestParams).toEqual(Object.assign({}, ...expected.map((m) => m.params)));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Paths at the edges of each rule (prefix lengths, `.` after `V`, empty store codes). */
const edgePaths = [
  '/rest/async/bulk/V',
  '/rest/async/bulk/Vx',
  '/rest/async/bulk/V\n',
  '/rest/async/bulk/V\u2028',
  '/rest/async/V',
  '/rest/async/V/',
  '/rest/async/Vz/a',
  '/async/V',
  '/async/Vq',
  '/async/bulk/V1',
  '/async/bulk/schema',
  '/async/schema',
  '/schema',
  '/schemas',
  '/rest/schema',
  '/rest/default/schema',
  '/index.php',
  '/index.php/',
  '/index.php/rest',
  '/index.php/rest/',
  '/index.phpx/rest/V1',
  '/index.php/V1/x',
  '/index.php/index.php/rest/V1',
  '/rest',
  '/rest/',
  '/rest//',
  '/rest/default',
  '/rest/default/',
  '/rest/all',
  '/rest/all/',
  '/rest//default//V1/x',
  '/restx/V1',
  '/rest/V1',
  '/rest/V',
  '/rest/V1x/V1/a',
  '/rest/V01/a',
  '/rest/v1/V1/a',
  '/rest/async',
  '/rest/ASYNC/V1/a',
  '/rest/schema/V1',
  '/rest/_x/V1',
  '/rest/1a/V1',
  '/V1',
  '/V',
  '/Vx/a',
  'V1/a',
  '',
  '/',
  '?',
  '#',
  'https://shop.test',
  'https://shop.test/rest/V1/a?x',
  'HTTP://h/rest/V1',
  'mailto:x/rest/V1',
  '//rest/V1',
];

describe('parseRestPath agrees with the regex-based reader', () => {
  it.each(edgePaths)('on the edge path %j', (path) => {
    for (const method of ['GET', 'POST']) {
      for (const options of [{}, { storeCodes: ['default'] }, { storeCodes: [''] }]) {
        expect(settle(() => parseRestPath(path, method, options))).toEqual(
          settle(() => referenceParseRestPath(path, method, options)),
        );
      }
    }
  });

  it('on arbitrary strings and generated REST paths', () => {
    const anything = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.webPath(),
      fc.webUrl(),
      pathGenerator(tricky),
      routeRequest(tricky).map((r) => r.path),
    );
    fc.assert(
      fc.property(
        methods.filter((m) => /^[A-Z]+$/.test(m)),
        anything,
        storeOptions,
        (method, path, options) => {
          expect(settle(() => parseRestPath(path, method, options))).toEqual(
            settle(() => referenceParseRestPath(path, method, options)),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });
});
