import { trim } from '@magekit/php';
import { setOwn } from '../../common/service-input-processor';
import type { XmlElementNode, XmlNode } from './xml-document';

/**
 * An element's children as PHP code cannot treat them: non-blank text followed by an element. Magento's
 * `_xmlToArray()` then writes an array offset into a string, which PHP 8 answers with a `TypeError`
 * ("Cannot access offset of type string on string") that no web API handler catches.
 */
export class XmlStringOffsetError extends Error {
  constructor() {
    super('Cannot access offset of type string on string');
    this.name = 'XmlStringOffsetError';
  }
}

/**
 * The value `Magento\Framework\Xml\Parser::xmlToArray()` gives an element, which
 * `Rest\Request\Deserializer\Xml::deserialize()` returns for the root (`reset($data)`):
 * - no child nodes → `null`; only blank text or comments → `''`;
 * - text → the last non-blank text node, or the last CDATA section (even blank), as is;
 * - child elements → `{name: value}`; a repeated name becomes a list (`[first, second, …]`);
 * - attributes → `{_value: value, _attribute: {name: value}}`.
 * @throws XmlStringOffsetError for non-blank text before a child element
 */
export function xmlElementToArray(element: XmlElementNode): unknown {
  const value = element.children.length > 0 ? childrenToArray(element.children) : null;
  if (element.attributes.length === 0) return value;
  return { _value: value, _attribute: Object.fromEntries(element.attributes) };
}

/** `_xmlToArray($node)`'s loop over the child nodes. */
function childrenToArray(children: XmlNode[]): string | Record<string, unknown> {
  let content: string | Record<string, unknown> = '';
  for (const node of children) {
    if (node.kind === 'element') {
      // `$content = $content ?: []`: '' and '0' are falsy; any other string stays a string.
      if (typeof content === 'string') {
        if (content !== '' && content !== '0') throw new XmlStringOffsetError();
        content = {};
      }
      addElement(content, node.name, xmlElementToArray(node));
    } else if (node.kind === 'cdata') content = node.value;
    else if (node.kind === 'text' && trim(node.value) !== '') content = node.value;
  }
  return content;
}

/** A repeated element name turns the entry into a list, as `_xmlToArray()` builds it. */
function addElement(content: Record<string, unknown>, name: string, value: unknown): void {
  const existing = Object.hasOwn(content, name) ? content[name] : undefined;
  // `isset()`: an earlier empty element (null) is simply replaced.
  if (existing === undefined || existing === null) {
    setOwn(content, name, value);
    return;
  }
  const isList = Array.isArray(existing) && existing.length > 0;
  const first: unknown = isList ? (existing as unknown[])[0] : undefined;
  const list = !isList || (isPhpArray(value) && !isPhpArray(first)) ? [existing] : (existing as unknown[]);
  list.push(value);
  setOwn(content, name, list);
}

function isPhpArray(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
