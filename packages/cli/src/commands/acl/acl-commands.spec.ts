import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseIntegrationXml } from '@magekit/acl';
import { runBin, runInProcess } from '../../testing/fake-io';

const MINI = resolve(__dirname, '..', '..', '..', '..', 'acl', 'fixtures', 'mini');
const tmp = mkdtempSync(join(tmpdir(), 'magekit-acl-'));

describe('magekit acl decide', () => {
  it('answers {route, resources, allowed, missing} for one request (stock 2.4.6-p1 table)', async () => {
    const stdin = JSON.stringify({
      method: 'GET',
      path: '/rest/default/V1/products/ABC%2F10',
      caller: { type: 'integration', resources: ['Magento_Catalog::catalog'] },
    });
    const { code, stdout, stderr } = await runInProcess(['acl', 'decide'], stdin);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      route: '/V1/products/:sku',
      resources: ['Magento_Catalog::products'],
      allowed: false,
      missing: ['Magento_Catalog::products'],
      message: "The consumer isn't authorized to access Magento_Catalog::products.",
      httpStatus: 401,
      params: { sku: 'ABC/10' },
    });
  });

  it('array in → array out, in order, with --xml fixtures', async () => {
    const cases = [
      { method: 'GET', path: '/V1/shop/me/orders', caller: { type: 'customer', customerId: 9 } },
      { method: 'GET', path: '/V1/shop/me/orders', caller: { type: 'integration', resources: 'all' } },
      { method: 'GET', path: '/rest/V1/shop/none', caller: { type: 'guest' } },
      { method: 'PUT', path: '/rest/V1/shop/products/a', caller: { type: 'admin' } },
    ];
    const { code, stdout } = await runInProcess(['acl', 'decide', '--xml', MINI], JSON.stringify(cases));
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(
      out.map((o: { route: string | null; allowed: boolean; missing: string[] }) => [o.route, o.allowed, o.missing]),
    ).toEqual([
      ['/V1/shop/me/orders', true, []],
      ['/V1/shop/me/orders', true, []],
      [null, false, []],
      ['/V1/shop/products/:sku', false, ['Acme_Shop::products', 'Acme_Shop::products_edit']],
    ]);
    expect(out[0].forcedParams[0]).toMatchObject({ name: 'customerId', value: 9 });
    expect(out[1].forcedParams[0]).toMatchObject({ name: 'customerId', value: null });
    expect(out[2]).toMatchObject({ message: 'Request does not match any route.', httpStatus: 404 });
  });

  it.each([
    ['malformed JSON', ['acl', 'decide'], '{"method":', 'INVALID_JSON'],
    ['empty stdin', ['acl', 'decide'], '', 'EMPTY_INPUT'],
    ['a missing path', ['acl', 'decide'], '{"method":"GET","caller":{"type":"guest"}}', 'MISSING_FIELD'],
    ['a missing caller', ['acl', 'decide'], '{"method":"GET","path":"/V1/products"}', 'MISSING_FIELD'],
    [
      'an unknown caller type',
      ['acl', 'decide'],
      '{"method":"GET","path":"/V1/products","caller":{"type":"robot"}}',
      'INVALID_INPUT',
    ],
    [
      'bad resources',
      ['acl', 'decide'],
      '{"method":"GET","path":"/V1/products","caller":{"type":"admin","resources":"some"}}',
      'INVALID_INPUT',
    ],
    [
      'a bad second element',
      ['acl', 'decide'],
      '[{"method":"GET","path":"/V1/products","caller":{"type":"guest"}}, 3]',
      'INVALID_INPUT',
    ],
    [
      'a path outside /rest',
      ['acl', 'decide'],
      '{"method":"GET","path":"/customer/account","caller":{"type":"guest"}}',
      'INVALID_INPUT',
    ],
    [
      'a missing --xml dir',
      ['acl', 'decide', '--xml', '/nonexistent/magento'],
      '{"method":"GET","path":"/V1/products","caller":{"type":"guest"}}',
      'FILE_NOT_FOUND',
    ],
  ])('%s: exit 2, the error on stderr, nothing on stdout', async (_name, argv, stdin, code) => {
    const result = await runInProcess(argv, stdin);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`[${code}]`);
  });
});

describe('magekit acl explain', () => {
  it('prints route, service, params, resources with titles and breadcrumb', async () => {
    const { code, stdout } = await runInProcess(['acl', 'explain', 'GET', '/rest/default/V1/products/ABC%2F10']);
    expect(code).toBe(0);
    expect(stdout).toContain('route     GET /V1/products/:sku');
    expect(stdout).toContain('service   Magento\\Catalog\\Api\\ProductRepositoryInterface::get()');
    expect(stdout).toContain('param     sku = "ABC/10"');
    expect(stdout).toContain('Magento_Catalog::products  Products — Magento Admin > Catalog > Inventory > Products');
    expect(stdout).toContain(
      "verdict   refused — 401 The consumer isn't authorized to access Magento_Catalog::products.",
    );
  });

  it("shows routes a match shadows and the caller's verdict (fixtures)", async () => {
    const { stdout } = await runInProcess([
      'acl',
      'explain',
      '--xml',
      MINI,
      '--caller',
      '{"type":"integration","resources":["Acme_Crm::notes"]}',
      'GET',
      '/rest/V1/crm/2024/5',
    ]);
    expect(stdout).toContain('route     GET /V1/crm/:year/:id');
    expect(stdout).toContain('shadows   GET /V1/crm/2024/:id');
    expect(stdout).toContain('verdict   allowed');
  });

  it('bad caller JSON exits 2', async () => {
    const result = await runInProcess(['acl', 'explain', '--caller', '{"type":"x"}', 'GET', '/V1/products']);
    expect([result.code, result.stdout]).toEqual([2, '']);
  });
});

describe('magekit acl least-privilege', () => {
  it('computes the minimal set and emits an integration.xml', async () => {
    const calls = join(tmp, 'calls.txt');
    const emit = join(tmp, 'integration.xml');
    writeFileSync(
      calls,
      '# what the app calls\nGET /V1/products/:sku\n\nPUT /V1/products/:sku   # update\nGET /rest/default/V1/orders/5\nPOST /V1/integration/customer/token\n',
    );
    const { code, stdout, stderr } = await runInProcess([
      'acl',
      'least-privilege',
      '--calls',
      calls,
      '--emit',
      emit,
      '--name',
      'Acme Sync',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.resources).toEqual(['Magento_Sales::actions_view', 'Magento_Catalog::products']);
    expect(out.ticked).toEqual([
      'Magento_Sales::sales',
      'Magento_Sales::sales_operation',
      'Magento_Sales::sales_order',
      'Magento_Sales::actions',
      'Magento_Sales::actions_view',
      'Magento_Catalog::catalog',
      'Magento_Catalog::catalog_inventory',
      'Magento_Catalog::products',
    ]);
    const declared = parseIntegrationXml(readFileSync(emit, 'utf8')).integrations[0];
    expect(declared).toMatchObject({ name: 'Acme Sync', resources: out.ticked });
  });

  it.each([
    ['no --calls', [], 'MISSING_OPTION'],
    ['a missing calls file', ['--calls', '/nonexistent/calls.txt'], 'FILE_NOT_FOUND'],
  ])('%s exits 2', async (_name, extra, code) => {
    const result = await runInProcess(['acl', 'least-privilege', ...extra]);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(`[${code}]`);
  });

  it('a malformed line names file and line', async () => {
    const calls = join(tmp, 'bad.txt');
    writeFileSync(calls, 'GET /V1/products\nfetch everything please\n');
    const result = await runInProcess(['acl', 'least-privilege', '--calls', calls]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${calls}:2: expected "METHOD /path"`);
  });

  it('a call that matches no route exits 2, names file and line, and suggests the nearest route', async () => {
    const calls = join(tmp, 'unrouted.txt');
    writeFileSync(calls, 'GET /V1/products/:sku\n# store views\nGET /V1/storeConfigs\nGET /V1/nothing/here/at/all\n');
    const result = await runInProcess(['acl', 'least-privilege', '--calls', calls]);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(
      `magekit: ${calls}:3: GET /V1/storeConfigs: Request does not match any route; did you mean \`GET /V1/store/storeConfigs\`?; ${calls}:4: GET /V1/nothing/here/at/all: Request does not match any route. [INVALID_INPUT]\n`,
    );
    expect(result.stderr).toContain('hint: Each line must be a route of the table');
  });

  it('a line whose path is not a REST path names file and line', async () => {
    const calls = join(tmp, 'not-rest.txt');
    writeFileSync(calls, 'GET /V1/products\n\nGET /customer/account/login\n');
    const result = await runInProcess(['acl', 'least-privilege', '--calls', calls]);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(`${calls}:3: "/customer/account/login" is not a REST path. [INVALID_INPUT]`);
  });
});

describe('magekit acl through the built bin', () => {
  it('decide: array in, array out; bad input exits 2 with nothing on stdout', () => {
    const ok = runBin(
      ['acl', 'decide', '--xml', MINI],
      JSON.stringify([
        {
          method: 'GET',
          path: '/rest/default/V1/shop/products/x',
          caller: { type: 'integration', resources: ['Acme_Shop::products'] },
        },
      ]),
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject([
      { route: '/V1/shop/products/:sku', allowed: true, missing: [], resources: ['Acme_Shop::products'] },
    ]);
    const bad = runBin(['acl', 'decide'], '{"method":"GET","path":"/V1/products","caller":{"type":"robot"}}');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/unknown caller type/);
  });
});
