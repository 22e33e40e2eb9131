import { MagentoException } from '../../common/magento-exception';
import { ApplicationFailure } from '../application-failure';
import { deserializeXmlBody } from './xml-body';

describe('Rest\\Request\\Deserializer\\Xml with Xml\\Parser::xmlToArray()', () => {
  it('drops the root element and reads children as a map, text as strings', () => {
    expect(
      deserializeXmlBody(
        '<?xml version="1.0" encoding="UTF-8"?>\n<request>\n  <username>admin</username>\n  <password> p&amp;ss &#x263A; </password>\n</request>',
      ),
    ).toEqual({ username: 'admin', password: ' p&ss ☺ ' });
    expect(deserializeXmlBody('<anything><a>1</a></anything>')).toEqual({ a: '1' });
  });

  it('turns a repeated element into a list; a list of data objects is spelled with <item>', () => {
    expect(deserializeXmlBody('<r><ids><item>1</item><item>2</item></ids><one><item>x</item></one></r>')).toEqual({
      ids: { item: ['1', '2'] },
      one: { item: 'x' },
    });
    expect(deserializeXmlBody('<r><a><b>1</b></a><a><b>2</b></a><a><b>3</b></a></r>')).toEqual({
      a: [{ b: '1' }, { b: '2' }, { b: '3' }],
    });
  });

  it.each<[string, string, unknown]>([
    ['an empty element is null', '<r><a/><b></b></r>', { a: null, b: null }],
    ['blank text or a comment is the empty string', '<r><a> \n </a><b><!-- c --></b></r>', { a: '', b: '' }],
    ['an empty root is no parameters', '<r/>', null],
    ['a root with text is that text', '<r>abc</r>', 'abc'],
    ['the last non-blank text wins', '<r><a>x<!--c-->y</a></r>', { a: 'y' }],
    ['CDATA is kept as is, blanks included', '<r><a><![CDATA[ <b> ]]></a></r>', { a: ' <b> ' }],
    ['text after child elements replaces them', '<r><a><b>1</b>tail</a></r>', { a: 'tail' }],
    ['text "0" before an element is dropped (PHP finds it empty)', '<r><a>0<b>1</b></a></r>', { a: { b: '1' } }],
    ['an empty element before a filled one is replaced', '<r><a/><a>x</a></r>', { a: 'x' }],
    ['a filled element before an empty one makes a list', '<r><a>x</a><a/></r>', { a: ['x', null] }],
    [
      'strings then an element nest the strings',
      '<r><a>x</a><a>y</a><a><b/></a></r>',
      { a: [['x', 'y'], { b: null }] },
    ],
    [
      'attributes wrap the value',
      '<r><a code="c" xmlns:p="urn:p" p:n="v">1</a></r>',
      { a: { _value: '1', _attribute: { code: 'c', n: 'v' } } },
    ],
    ['prefixed names are kept whole', '<r xmlns:m="urn:m"><m:a>1</m:a></r>', { 'm:a': '1' }],
    ['a leading byte order mark is read', '\uFEFF<r><a>1</a></r>', { a: '1' }],
    ['line ends are normalised', '<r><a>1\r\n2</a></r>', { a: '1\n2' }],
  ])('%s', (_case, xml, expected) => {
    expect(deserializeXmlBody(xml)).toEqual(expected);
  });

  it('keeps __proto__ as an element name without touching prototypes', () => {
    const body = deserializeXmlBody('<r><__proto__><polluted>1</polluted></__proto__></r>') as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each<[string, string]>([
    ['no document', '  '],
    ['not XML', '{"username":"admin"}'],
    ['an unclosed element', '<r><a>1</r>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', '<r/>x'],
    ['an undefined entity', '<r>&nbsp;</r>'],
    ['an unbound prefix', '<r><p:a/></r>'],
    ['a duplicated attribute', '<r a="1" a="2"/>'],
    ['a control character', '<r>\u0001</r>'],
    [']]> in text', '<r>a]]>b</r>'],
    ['a DOCTYPE (entities are never expanded)', '<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>'],
    ['another declared encoding', '<?xml version="1.0" encoding="ISO-8859-1"?><r/>'],
    ['nesting deeper than libxml accepts', `${'<a>'.repeat(258)}${'</a>'.repeat(258)}`],
  ])('answers 400 Decoding error. for %s', (_case, xml) => {
    expect(() => deserializeXmlBody(xml)).toThrow(new MagentoException(400, 'Decoding error.'));
  });

  it('accepts 257 levels (256 ancestors, xmlParserMaxDepth)', () => {
    expect(() => deserializeXmlBody(`${'<a>'.repeat(257)}${'</a>'.repeat(257)}`)).not.toThrow();
  });

  it('fails like PHP on text before a child element: an Error no web API handler catches', () => {
    expect(() => deserializeXmlBody('<r><a>text<b>1</b></a></r>')).toThrow(ApplicationFailure);
    try {
      deserializeXmlBody('<r><a>text<b>1</b></a></r>');
    } catch (error) {
      expect(error).toMatchObject({ kind: 'terminated', httpStatus: 500 });
    }
  });
});
