import { deserializeXmlBody } from './xml/xml-body';
import { ADMIN_PASSWORD, ADMIN_USERNAME, CUSTOMER_PASSWORD, startSandbox, type RunningSandbox } from '../testing';

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const XML_DECLARATION = '<?xml version="1.0"?>\n';

/** The REST wire format over HTTP (docs/magento-behaviour.md §12): charset, XML bodies and answers, Accept. */
describe('sandbox: REST bodies and answers in JSON and XML', () => {
  let sandbox: RunningSandbox;
  let adminToken: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const login = await send('POST', 'V1/integration/admin/token', {
      'content-type': 'application/xml',
      accept: 'application/json',
      body: `<request><username>${ADMIN_USERNAME}</username><password>${ADMIN_PASSWORD}</password></request>`,
    });
    expect(login.status).toBe(200);
    adminToken = JSON.parse(login.text) as string;
  });
  afterAll(() => sandbox.close());

  async function send(
    method: string,
    path: string,
    options: { body?: string; 'content-type'?: string; accept?: string; bearer?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options['content-type'] !== undefined) headers['content-type'] = options['content-type'];
    if (options.accept !== undefined) headers['accept'] = options.accept;
    if (options.bearer !== undefined) headers['authorization'] = `Bearer ${options.bearer}`;
    const response = await fetch(`${sandbox.baseUrl}rest/${path}`, { method, headers, body: options.body });
    return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
  }

  const asAdmin = (method: string, path: string, options: Parameters<typeof send>[2] = {}) =>
    send(method, path, { ...options, bearer: adminToken });

  describe('charset of the request (Request::getContentType)', () => {
    it.each<[string, string]>([
      ['application/json; charset=ISO-8859-1', 'UTF-8 is the only supported charset.'],
      ['application/json; charset="utf-8"', 'UTF-8 is the only supported charset.'],
      ['application/json; boundary=x', 'Content-Type header is invalid.'],
    ])('answers Content-Type %p with 400 %p', async (contentType, message) => {
      const answer = await send('POST', 'V1/integration/admin/token', {
        'content-type': contentType,
        body: JSON.stringify({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD }),
      });
      expect(answer).toEqual({
        status: 400,
        contentType: 'application/json; charset=utf-8',
        text: JSON.stringify({ message }),
      });
    });

    it('accepts charset=utf-8 in any case', async () => {
      for (const contentType of ['application/json; charset=UTF-8', 'application/json;charset=utf-8']) {
        const answer = await send('POST', 'V1/integration/admin/token', {
          'content-type': contentType,
          body: JSON.stringify({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD }),
        });
        expect(answer.status).toBe(200);
      }
    });
  });

  describe('XML request bodies (Deserializer\\Xml)', () => {
    it('issues tokens from XML bodies, and answers in XML when asked', async () => {
      const answer = await send('POST', 'V1/integration/customer/token', {
        'content-type': 'text/xml; charset=utf-8',
        accept: 'application/xml',
        body: `<?xml version="1.0"?><login><username>customer1@example.com</username><password>${CUSTOMER_PASSWORD}</password></login>`,
      });
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('application/xml; charset=utf-8');
      expect(answer.text).toMatch(/^<\?xml version="1\.0"\?>\n<response>[\w-]+\.[\w-]+\.[\w-]+<\/response>\n$/);
      const token = answer.text.slice(XML_DECLARATION.length + '<response>'.length, -'</response>\n'.length);
      expect((await send('GET', 'V1/customers/me', { bearer: token })).status).toBe(200);
    });

    it('creates a product from XML, with <item> lists and string values typed as the JSON input would be', async () => {
      const created = await asAdmin('POST', 'V1/products', {
        'content-type': 'application/xml',
        body: [
          '<request><product>',
          '<sku>XML-1</sku><name>From XML &amp; more</name><price>12.5</price><status>1</status>',
          '<visibility>4</visibility><type_id>simple</type_id><attribute_set_id>4</attribute_set_id>',
          '<extension_attributes><website_ids><item>1</item></website_ids>',
          '<stock_item><qty>7</qty><is_in_stock>true</is_in_stock></stock_item></extension_attributes>',
          '<custom_attributes><item><attribute_code>color</attribute_code><value>red</value></item></custom_attributes>',
          '</product></request>',
        ].join(''),
      });
      expect(created.status).toBe(200);
      expect(created.contentType).toBe('application/json; charset=utf-8');
      const product = JSON.parse(created.text) as Record<string, unknown>;
      expect(product).toMatchObject({ sku: 'XML-1', name: 'From XML & more', price: 12.5, status: 1, visibility: 4 });
      expect(product['extension_attributes']).toMatchObject({
        website_ids: [1],
        stock_item: { qty: 7, is_in_stock: true },
      });
      expect(product['custom_attributes']).toContainEqual({ attribute_code: 'color', value: 'red' });
    });

    it('answers 400 Decoding error. for XML libxml would refuse, and text before an element like PHP does', async () => {
      const bad = await asAdmin('POST', 'V1/products', {
        'content-type': 'application/xml',
        body: '<request><product>',
      });
      expect(bad).toEqual({
        status: 400,
        contentType: 'application/json; charset=utf-8',
        text: JSON.stringify({ message: 'Decoding error.' }),
      });
      const mixed = await asAdmin('POST', 'V1/products', {
        'content-type': 'application/xml',
        body: '<request>text<product><sku>MIXED</sku></product></request>',
      });
      expect(mixed).toEqual({
        status: 500,
        contentType: 'text/plain; charset=UTF-8',
        text: 'An error has happened during application run. See exception log for details.\n',
      });
    });
  });

  describe('XML answers (Renderer\\Xml, RendererFactory)', () => {
    it('renders a product for Accept: application/xml, and for what browsers send', async () => {
      for (const accept of ['application/xml', BROWSER_ACCEPT]) {
        const answer = await asAdmin('GET', 'V1/products/XML-1', { accept });
        expect(answer.status).toBe(200);
        expect(answer.contentType).toBe('application/xml; charset=utf-8');
        expect(answer.text.startsWith(`${XML_DECLARATION}<response>\n  <id>`)).toBe(true);
        expect(answer.text).toContain('\n  <sku>XML-1</sku>\n');
        expect(answer.text).toContain('\n  <name>From XML &amp; more</name>\n');
        expect(answer.text).toContain('\n    <website_ids>\n      <item>1</item>\n    </website_ids>\n');
        expect(answer.text).toContain('\n      <is_in_stock>true</is_in_stock>\n');
      }
    });

    it('renders the same data as the JSON answer', async () => {
      const json = JSON.parse((await asAdmin('GET', 'V1/products/XML-1')).text) as Record<string, unknown>;
      const xml = deserializeXmlBody(
        (await asAdmin('GET', 'V1/products/XML-1', { accept: 'text/xml' })).text,
      ) as Record<string, unknown>;
      expect(xml['sku']).toBe(json['sku']);
      expect(xml['price']).toBe(String(json['price']));
      expect(Object.keys(xml)).toEqual(Object.keys(json));
    });

    it('renders errors in the negotiated format', async () => {
      const missing = await asAdmin('GET', 'V1/products/NO-SUCH-SKU', { accept: 'application/xml' });
      expect(missing).toEqual({
        status: 404,
        contentType: 'application/xml; charset=utf-8',
        text: [
          '<?xml version="1.0"?>',
          '<response>',
          "  <message>The product that was requested doesn't exist. Verify the product and try again.</message>",
          '</response>',
          '',
        ].join('\n'),
      });
      const typeError = await asAdmin('GET', 'V1/products?searchCriteria[pageSize]=ten', { accept: 'application/xml' });
      expect(typeError.status).toBe(400);
      expect(typeError.text).toBe(
        `${XML_DECLARATION}<response>\n  <message>Error occurred during "pageSize" processing. The "ten" value's type is invalid. The "int" type was expected. Verify and try again.</message>\n</response>\n`,
      );
      const guest = await send('GET', 'V1/products/XML-1', { accept: 'application/xml' });
      expect(guest.status).toBe(401);
      expect(guest.text).toContain(
        '\n  <parameters>\n    <resources>Magento_Catalog::products</resources>\n  </parameters>\n',
      );
    });

    it('answers an Accept it has no renderer for with the 500 error page, before running the call', async () => {
      const answer = await asAdmin('POST', 'V1/products', {
        accept: 'text/html',
        'content-type': 'application/json',
        body: JSON.stringify({ product: { sku: 'NEVER-SAVED', name: 'x', price: 1 } }),
      });
      expect(answer.status).toBe(500);
      expect(answer.contentType).toBe('text/html; charset=UTF-8');
      expect(answer.text).toContain('<h1>There has been an error processing your request</h1>');
      expect(answer.text).toMatch(/Error log record number: [0-9a-f]{64}/);
      expect((await asAdmin('GET', 'V1/products/NEVER-SAVED')).status).toBe(404);
    });
  });
});
