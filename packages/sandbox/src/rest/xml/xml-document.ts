import { SaxesParser, type SaxesTagNS } from 'saxes';

/** A node of a parsed XML document, as much of libxml's DOM as `Magento\Framework\Xml\Parser` reads. */
export type XmlNode =
  | XmlElementNode
  | { kind: 'text'; value: string }
  | { kind: 'cdata'; value: string }
  /** A comment or processing instruction: no content, but a node (it separates text nodes). */
  | { kind: 'other' };

export interface XmlElementNode {
  kind: 'element';
  /** The qualified name as written (`DOMNode::$nodeName`). */
  name: string;
  /** Attributes other than namespace declarations, by local name (`DOMAttr::$name`), in document order. */
  attributes: Array<[string, string]>;
  children: XmlNode[];
}

/**
 * libxml's nesting limit without `XML_PARSE_HUGE` (`xmlParserMaxDepth`, 256): an element may have at
 * most 256 open ancestors, so 257 levels parse and 258 do not.
 */
const MAX_ANCESTORS = 256;

/** Why a document was refused; the REST answer for any of them is `Decoding error.`. */
export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

/**
 * Parses one XML 1.0 document strictly (well-formedness and namespace prefixes checked, as libxml's
 * `DOMDocument::loadXML()` reports them), keeping the node sequence the DOM would have: adjacent
 * character data is one text node, CDATA sections and comments are nodes of their own. Refused
 * besides: any DOCTYPE (no entity declarations, so no entity expansion), an encoding declaration
 * other than UTF-8, nesting deeper than libxml accepts (257 levels).
 * @throws XmlSyntaxError
 */
export function parseXmlDocument(text: string): XmlElementNode {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElementNode = { kind: 'element', name: '#document', attributes: [], children: [] };
  const stack: XmlElementNode[] = [root];
  const top = () => stack[stack.length - 1];
  const fail = (message: string): never => {
    throw new XmlSyntaxError(message);
  };
  parser.on('error', (error) => fail(error.message));
  parser.on('doctype', () => fail('a DOCTYPE declaration is not accepted'));
  parser.on('xmldecl', (declaration) => {
    if (declaration.encoding !== undefined && !/^utf-?8$/i.test(declaration.encoding))
      fail(`unsupported encoding ${declaration.encoding}`);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    // The stack holds the document node besides the open elements.
    if (stack.length - 1 > MAX_ANCESTORS) fail(`an element with more than ${MAX_ANCESTORS} ancestors`);
    const element: XmlElementNode = { kind: 'element', name: tag.name, attributes: readAttributes(tag), children: [] };
    top().children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (value) => {
    if (stack.length === 1) return;
    const siblings = top().children;
    const last = siblings[siblings.length - 1];
    if (last?.kind === 'text') last.value += value;
    else siblings.push({ kind: 'text', value });
  });
  parser.on('cdata', (value) => void top().children.push({ kind: 'cdata', value }));
  parser.on('comment', () => void top().children.push({ kind: 'other' }));
  parser.on('processinginstruction', () => void top().children.push({ kind: 'other' }));
  parser.write(text).close();
  const element = root.children.find((node): node is XmlElementNode => node.kind === 'element');
  return element ?? fail('the document has no root element');
}

/** `DOMElement::$attributes`: namespace declarations are not attributes; the first of a local name wins. */
function readAttributes(tag: SaxesTagNS): Array<[string, string]> {
  const attributes: Array<[string, string]> = [];
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.name === 'xmlns' || attribute.prefix === 'xmlns') continue;
    if (!attributes.some(([name]) => name === attribute.local)) attributes.push([attribute.local, attribute.value]);
  }
  return attributes;
}
