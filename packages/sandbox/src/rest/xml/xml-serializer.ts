/** An element to write: text (possibly empty) or child elements. */
export interface OutputElement {
  name: string;
  /** Set: the element has one text node (`''` included). */
  text?: string;
  children: OutputElement[];
}

/** libxml indents by two spaces per level, up to `MAX_INDENT` (60) columns. */
const INDENT = '  ';
const MAX_INDENT_LEVELS = 30;

/**
 * `DOMDocument::saveXML()` of a `new DOMDocument('1.0')` with `formatOutput = true`, as libxml 2.9
 * writes it: `<?xml version="1.0"?>`, a newline, the root, a newline. An element with element
 * children has each on its own indented line; one with text is written on one line; one with
 * nothing is `<name/>`. With no encoding declared, text escapes `<`, `>`, `&`, writes every
 * character above U+007F and a carriage return as a hexadecimal reference (`&#xE9;`, `&#xD;`), and
 * drops characters XML cannot carry.
 */
export function serializeXmlDocument(root: OutputElement): string {
  return `<?xml version="1.0"?>\n${serializeElement(root, 0)}\n`;
}

function serializeElement(element: OutputElement, level: number): string {
  if (element.text !== undefined) return `<${element.name}>${escapeText(element.text)}</${element.name}>`;
  if (element.children.length === 0) return `<${element.name}/>`;
  const inner = element.children.map((child) => indent(level + 1) + serializeElement(child, level + 1));
  return `<${element.name}>\n${inner.join('\n')}\n${indent(level)}</${element.name}>`;
}

function indent(level: number): string {
  return INDENT.repeat(Math.min(level, MAX_INDENT_LEVELS));
}

/** libxml's `xmlEscapeEntities()`. */
function escapeText(text: string): string {
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (character === '<') out += '&lt;';
    else if (character === '>') out += '&gt;';
    else if (character === '&') out += '&amp;';
    else if ((code >= 0x20 && code < 0x80) || character === '\n' || character === '\t') out += character;
    else if (code === 0x0d || (code >= 0x80 && isXmlChar(code))) out += `&#x${code.toString(16).toUpperCase()};`;
  }
  return out;
}

/** XML 1.0 `Char` above U+007F (lone surrogates and U+FFFE/U+FFFF are not). */
function isXmlChar(code: number): boolean {
  return (
    (code <= 0xd7ff || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000) && !(code >= 0xd800 && code <= 0xdfff)
  );
}
