import { phpString } from '../../common/php-string';
import { serializeXmlDocument, type OutputElement } from './xml-serializer';

/** `Renderer\Xml::_formatData()`'s result: text, a map (keys already prepared) or a list. */
type Formatted = string | Map<string, Formatted> | Formatted[];

/** The name of `DOMDocument::createElement()`'s `Invalid Character Error`, which Magento masks as a 500. */
export class XmlElementNameError extends Error {
  constructor(name: string) {
    super(`Invalid Character Error: ${JSON.stringify(name)} is not a valid element name`);
    this.name = 'XmlElementNameError';
  }
}

/**
 * `Magento\Framework\Webapi\Rest\Response\Renderer\Xml::render()`: the data under a `<response>` root,
 * built by `Xml\Generator::arrayToXml()` and written by `DOMDocument::saveXML()` with
 * `formatOutput` (see {@link serializeXmlDocument}):
 * - an array whose keys, joined, are all digits is a list: each value becomes `<item>`;
 * - other keys are made element names by `_prepareKey()` (punctuation dropped, space and `:` → `_`,
 *   `_` trimmed, `item_` before a leading digit, `,`, `.` or `-`) and then stripped to `[A-Za-z0-9_-]`;
 * - `true`/`false` → `true`/`false`, `null` → empty text (`<key></key>`), numbers as PHP's string cast;
 *   an empty array or object → `<key/>`.
 *
 * docs/magento-behaviour.md §12.5.
 * @throws XmlElementNameError when a key leaves no valid element name (`""`, or a leading digit after stripping)
 */
export function renderXml(data: unknown): string {
  const root: OutputElement = { name: 'response', children: [] };
  const formatted = formatData(data);
  if (typeof formatted === 'string') root.text = formatted;
  else appendContent(root, formatted);
  return serializeXmlDocument(root);
}

/** `_formatData($data)`. */
function formatData(data: unknown): Formatted {
  if (typeof data !== 'object' || data === null) return formatValue(data);
  const entries: Array<[string, unknown]> = Array.isArray(data)
    ? data.map((value, index) => [String(index), value])
    : Object.entries(data);
  const values = entries.map(([key, value]): [string, Formatted] => [key, formatData(value)]);
  const isAssoc = !/^\d+$/.test(entries.map(([key]) => key).join(''));
  if (!isAssoc) return values.map(([, value]) => value);
  const map = new Map<string, Formatted>();
  for (const [key, value] of values) map.set(prepareKey(key), value);
  return map;
}

/** `_formatValue()`: booleans spelled out, everything else PHP's `(string)`. */
function formatValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === undefined) return '';
  return phpString(value as string | number | null);
}

const DROPPED_KEY_CHARACTERS = /[!"#$%&'()*+,/;<=>?@[\\\]^`{|}~]/g;

/** `_prepareKey()`. */
function prepareKey(key: string): string {
  const replaced = key
    .replace(DROPPED_KEY_CHARACTERS, '')
    .replace(/[ :]/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[0-9,.-]/.test(replaced) ? `item_${replaced}` : replaced;
}

/** `Generator::arrayToXml()` under `parent`: a map's entries as elements, a list's values as `<item>`s. */
function appendContent(parent: OutputElement, content: Formatted): void {
  if (typeof content === 'string') {
    parent.text = content;
    return;
  }
  // `is_array($item) && !isset($item[0])`: maps, and the empty list, are written as child elements.
  if (content instanceof Map || content.length === 0) {
    for (const [key, value] of content instanceof Map ? content : []) appendContent(element(parent, key), value);
    return;
  }
  for (const value of content) appendContent(element(parent, 'item'), value);
}

/** `createElement(preg_replace('/[^\w-]/i', '', $key))` appended to `parent`. */
function element(parent: OutputElement, key: string): OutputElement {
  const name = key.replace(/[^A-Za-z0-9_-]/g, '');
  if (!/^[A-Za-z_]/.test(name)) throw new XmlElementNameError(name);
  const child: OutputElement = { name, children: [] };
  parent.children.push(child);
  return child;
}
