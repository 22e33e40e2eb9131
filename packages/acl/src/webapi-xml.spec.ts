import { AclError } from './acl-error';
import { buildRouteTable } from './route-table';
import { loadMiniModel } from './test-helpers/fixtures';
import { parseWebapiXml } from './webapi-xml';

const wrap = (inner: string) => `<routes>${inner}</routes>`;
const route = (attrs: string, body: string) => `<route ${attrs}><service class="A\\B" method="m"/>${body}</route>`;

describe('webapi.xml parsing (Magento\\Webapi\\Model\\Config\\Converter rules)', () => {
  it('reads url (trimmed), method, service, resources and data parameters', () => {
    const file = parseWebapiXml(
      wrap(
        route(
          'url=" /V1/a/:id " method="GET"',
          '<resources><resource ref="self"/></resources><data><parameter name="customerId" force="true">%customer_id%</parameter><parameter name="x" force="no">null</parameter></data>',
        ),
      ),
    );
    expect(file.routes[0]).toMatchObject({
      url: '/V1/a/:id',
      method: 'GET',
      serviceClass: 'A\\B',
      serviceMethod: 'm',
      resources: ['self'],
      parameters: [
        { name: 'customerId', force: true, value: '%customer_id%' },
        { name: 'x', force: false, value: null },
      ],
      secure: false,
    });
  });

  it.each([
    ['true', true],
    ['false', true],
    ['0', false],
    ['', false],
  ])('secure="%s" is PHP (bool) → %s', (value, expected) => {
    expect(
      parseWebapiXml(
        wrap(route(`url="/V1/a" method="GET" secure="${value}"`, '<resources><resource ref="anonymous"/></resources>')),
      ).routes[0].secure,
    ).toBe(expected);
  });

  it.each([
    [
      'a method outside webapi.xsd',
      route('url="/V1/a" method="PATCH"', '<resources><resource ref="anonymous"/></resources>'),
      /method="PATCH"/,
    ],
    ['no resources', route('url="/V1/a" method="GET"', ''), /lists no <resources>/],
    [
      'no service',
      '<route url="/V1/a" method="GET"><resources><resource ref="anonymous"/></resources></route>',
      /has no <service>/,
    ],
    [
      'a relative url',
      route('url="V1/a" method="GET"', '<resources><resource ref="anonymous"/></resources>'),
      /does not start with/,
    ],
    ['a foreign element', '<router/>', /unexpected <router>/],
  ])('refuses %s with XML_INVALID_STRUCTURE', (_name, inner, message) => {
    const attempt = () => parseWebapiXml(`<routes>\n${inner}</routes>`, { file: 'Mod/webapi.xml' });
    expect(attempt).toThrow(AclError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(
      expect.objectContaining({ code: 'XML_INVALID_STRUCTURE', file: 'Mod/webapi.xml', line: 2 }),
    );
  });

  it('a route declared by two modules is one route: the later service wins, resources and parameters merge', () => {
    const table = buildRouteTable([
      parseWebapiXml(
        wrap(
          route(
            'url="/V1/a" method="GET"',
            '<resources><resource ref="A::one"/></resources><data><parameter name="p">1</parameter></data>',
          ),
        ),
        { file: 'First/webapi.xml' },
      ),
      parseWebapiXml(
        wrap(
          '<route url="/V1/a" method="GET"><service class="Later" method="n"/><resources><resource ref="A::two"/></resources><data><parameter name="p" force="1">2</parameter></data></route>',
        ),
        { file: 'Second/webapi.xml' },
      ),
    ]);
    expect(table.routes).toHaveLength(1);
    expect(table.routes[0]).toMatchObject({
      serviceClass: 'Later',
      serviceMethod: 'n',
      resources: ['A::one', 'A::two'],
      parameters: [{ name: 'p', force: true, value: '2' }],
      declaredIn: ['First/webapi.xml', 'Second/webapi.xml'],
    });
  });

  it('the mini fixtures merge the duplicate POST /V1/shop/token with the later module winning', () => {
    const { routes } = loadMiniModel();
    expect(routes.getRoute('POST /V1/shop/token')).toMatchObject({
      serviceClass: 'Acme\\Crm\\Api\\TokenServiceInterface',
      declaredIn: ['Shop/webapi.xml', 'Crm/webapi.xml'],
    });
    expect(routes.routes.map((r) => r.url)).toEqual([...routes.routes.map((r) => r.url)].sort());
  });
});
