import { renderXml, XmlElementNameError } from './xml-renderer';

const document = (...lines: string[]) => `<?xml version="1.0"?>\n${lines.join('\n')}\n`;

describe('Rest\\Response\\Renderer\\Xml through Xml\\Generator and DOMDocument::saveXML()', () => {
  it('writes a map under <response>, indented by two spaces, lists as <item>', () => {
    expect(
      renderXml({
        items: [
          { sku: 'A', price: 12.5, website_ids: [1, 2] },
          { sku: 'B', price: 0.1 + 0.2, website_ids: [] },
        ],
        total_count: 2,
      }),
    ).toBe(
      document(
        '<response>',
        '  <items>',
        '    <item>',
        '      <sku>A</sku>',
        '      <price>12.5</price>',
        '      <website_ids>',
        '        <item>1</item>',
        '        <item>2</item>',
        '      </website_ids>',
        '    </item>',
        '    <item>',
        '      <sku>B</sku>',
        '      <price>0.3</price>',
        '      <website_ids/>',
        '    </item>',
        '  </items>',
        '  <total_count>2</total_count>',
        '</response>',
      ),
    );
  });

  it.each<[string, unknown, string]>([
    ['a string', 'eyJhbGci.x.y', '<response>eyJhbGci.x.y</response>'],
    ['true', true, '<response>true</response>'],
    ['null as empty text', null, '<response></response>'],
    ['an empty list', [], '<response/>'],
    ['an empty object', {}, '<response/>'],
  ])('writes a root of %s', (_case, data, root) => {
    expect(renderXml(data)).toBe(document(root));
  });

  it('spells out booleans, leaves null empty, and casts numbers as PHP does', () => {
    expect(renderXml({ a: false, b: null, c: 1e25, d: -0.5 })).toBe(
      document('<response>', '  <a>false</a>', '  <b></b>', '  <c>1.0E+25</c>', '  <d>-0.5</d>', '</response>'),
    );
  });

  it('nests lists of lists in <item> elements, and reads all-digit keys as a list', () => {
    expect(renderXml({ matrix: [[1], ['x', 'y']], byId: { 3: 'c', 7: 'g' } })).toBe(
      document(
        '<response>',
        '  <matrix>',
        '    <item>',
        '      <item>1</item>',
        '    </item>',
        '    <item>',
        '      <item>x</item>',
        '      <item>y</item>',
        '    </item>',
        '  </matrix>',
        '  <byId>',
        '    <item>c</item>',
        '    <item>g</item>',
        '  </byId>',
        '</response>',
      ),
    );
  });

  it.each<[string, string]>([
    ['first name', 'first_name'],
    ['a:b', 'a_b'],
    ['_private_', 'private'],
    ['price($)', 'price'],
    ['e-mail', 'e-mail'],
    ['a.b', 'ab'],
    ['1st', 'item_1st'],
    ['-x', 'item_-x'],
    ['.5', 'item_5'],
    ['naïve', 'nave'],
  ])('makes the key %p the element <%s>', (key, name) => {
    expect(renderXml({ [key]: 'v', z: 'w' })).toBe(
      document('<response>', `  <${name}>v</${name}>`, '  <z>w</z>', '</response>'),
    );
  });

  it('keeps the first place of keys that become the same name, with the last value', () => {
    expect(renderXml({ 'a b': 1, c: 2, a_b: 3 })).toBe(
      document('<response>', '  <a_b>3</a_b>', '  <c>2</c>', '</response>'),
    );
  });

  it('refuses keys that leave no element name, as createElement() does', () => {
    for (const key of ['', '_', '!!', 'é1', 'ï-a'])
      expect(() => renderXml({ [key]: 1, b: 2 })).toThrow(XmlElementNameError);
  });

  it('escapes markup, writes non-ASCII and carriage returns as references, drops what XML cannot carry', () => {
    expect(renderXml({ m: 'a < b && "c" > \'d\'', u: 'é ☺ 😀', r: 'x\r\ny\tz', bad: 'a\u0001b\uD800c' })).toBe(
      document(
        '<response>',
        '  <m>a &lt; b &amp;&amp; "c" &gt; \'d\'</m>',
        '  <u>&#xE9; &#x263A; &#x1F600;</u>',
        '  <r>x&#xD;\ny\tz</r>',
        '  <bad>abc</bad>',
        '</response>',
      ),
    );
  });

  it('renders error bodies: named parameters as elements, positional ones and errors as items', () => {
    expect(
      renderXml({ message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'sku' } }),
    ).toBe(
      document(
        '<response>',
        '  <message>"%fieldName" is required. Enter and try again.</message>',
        '  <parameters>',
        '    <fieldName>sku</fieldName>',
        '  </parameters>',
        '</response>',
      ),
    );
    expect(renderXml({ message: 'The "%1" attribute value is empty.', parameters: ['Price'] })).toBe(
      document(
        '<response>',
        '  <message>The "%1" attribute value is empty.</message>',
        '  <parameters>',
        '    <item>Price</item>',
        '  </parameters>',
        '</response>',
      ),
    );
  });

  it('stops indenting at 30 levels, as libxml does', () => {
    let data: unknown = 'x';
    for (let level = 0; level < 32; level++) data = { n: data };
    const lines = renderXml(data).split('\n');
    expect(lines.find((line) => line.endsWith('<n>x</n>'))).toBe(`${'  '.repeat(30)}<n>x</n>`);
  });
});
