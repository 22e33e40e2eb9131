import { AclError } from '../acl-error';
import { parseXmlDocument } from './safe-xml';

function errorOf(fn: () => unknown): AclError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AclError) return error;
    throw error;
  }
  throw new Error('expected an AclError');
}

describe('parseXmlDocument (safe XML)', () => {
  it('reads elements, attributes, text, CDATA and start lines', () => {
    const root = parseXmlDocument('<?xml version="1.0"?>\n<a x="1">\n  <b>t&amp;<![CDATA[<c>]]></b>\n  <b/>\n</a>');
    expect(root).toMatchObject({ name: 'a', attributes: { x: '1' }, line: 2 });
    expect(root.children.map((c) => [c.name, c.text, c.line])).toEqual([
      ['b', 't&<c>', 3],
      ['b', '', 4],
    ]);
  });

  it('accepts UTF-8 bytes with a BOM and strings with a BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<a t="é"/>')]);
    expect(parseXmlDocument(bytes).attributes.t).toBe('é');
    expect(parseXmlDocument('\ufeff<a/>').name).toBe('a');
  });

  it.each([
    [
      'an internal DTD (billion laughs)',
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n<a>&lol2;</a>',
    ],
    ['an external entity (XXE)', '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'],
    ['an external DTD', '<!DOCTYPE a SYSTEM "http://example.com/a.dtd"><a/>'],
  ])('refuses %s with XML_DTD_FORBIDDEN', (_name, xml) => {
    const error = errorOf(() => parseXmlDocument(xml, { file: 'Evil/acl.xml' }));
    expect(error.code).toBe('XML_DTD_FORBIDDEN');
    expect(error.file).toBe('Evil/acl.xml');
    expect(error.message).toMatch(/^Evil\/acl\.xml:\d+: a DOCTYPE declaration is not allowed/);
  });

  it('refuses an undefined entity reference as malformed', () => {
    expect(errorOf(() => parseXmlDocument('<a>&nope;</a>')).code).toBe('XML_MALFORMED');
  });

  it('names file and line of a malformed document', () => {
    const error = errorOf(() => parseXmlDocument('<a>\n<b>\n</a>', { file: 'Bad/webapi.xml' }));
    expect(error).toMatchObject({ code: 'XML_MALFORMED', file: 'Bad/webapi.xml', line: 3 });
  });

  it.each([
    ['empty input', ''],
    ['text only', 'hello'],
    ['two roots', '<a/><b/>'],
    ['unclosed root', '<a>'],
  ])('refuses %s as XML_MALFORMED', (_name, xml) => {
    expect(errorOf(() => parseXmlDocument(xml)).code).toBe('XML_MALFORMED');
  });

  it('enforces the size limit on strings and bytes', () => {
    const big = `<a>${'x'.repeat(2000)}</a>`;
    expect(errorOf(() => parseXmlDocument(big, {}, { maxBytes: 1000 })).code).toBe('XML_TOO_LARGE');
    expect(errorOf(() => parseXmlDocument(new TextEncoder().encode(big), {}, { maxBytes: 1000 })).code).toBe(
      'XML_TOO_LARGE',
    );
    expect(parseXmlDocument(big, {}, { maxBytes: 4000 }).text).toHaveLength(2000);
  });

  it('enforces depth and element-count limits', () => {
    expect(errorOf(() => parseXmlDocument('<a>'.repeat(70) + '</a>'.repeat(70))).code).toBe('XML_TOO_DEEP');
    expect(errorOf(() => parseXmlDocument(`<a>${'<b/>'.repeat(20)}</a>`, {}, { maxElements: 10 })).code).toBe(
      'XML_TOO_LARGE',
    );
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(errorOf(() => parseXmlDocument(Uint8Array.from([0x3c, 0x61, 0xff, 0x2f, 0x3e]))).code).toBe('XML_NOT_UTF8');
  });
});
