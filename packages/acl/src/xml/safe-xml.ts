import { SaxesParser } from 'saxes';
import { AclError } from '../acl-error';
import type { XmlElement, XmlSource } from './xml-element';

/** Limits applied to every document before and while parsing. */
export interface XmlLimits {
  /** Largest document accepted, in bytes of UTF-8 (default 4 MiB; Magento's largest webapi.xml is ~50 KB). */
  maxBytes?: number;
  /** Deepest element nesting accepted (default 64). */
  maxDepth?: number;
  /** Most elements accepted in one document (default 100 000). */
  maxElements?: number;
}

const DEFAULT_LIMITS = { maxBytes: 4 * 1024 * 1024, maxDepth: 64, maxElements: 100_000 };

/**
 * Parses one XML document safely: no DTD at all (so no entity expansion and no external entities),
 * bounded size, depth and element count, UTF-8 only. Magento reads these files with libxml's DOM
 * (`Magento\Framework\Config\Dom`); this keeps only what its config readers use.
 *
 * @throws AclError `XML_TOO_LARGE`, `XML_NOT_UTF8`, `XML_DTD_FORBIDDEN`, `XML_TOO_DEEP`, `XML_MALFORMED`
 */
export function parseXmlDocument(
  input: string | Uint8Array,
  source: XmlSource = {},
  limits: XmlLimits = {},
): XmlElement {
  const { maxBytes, maxDepth, maxElements } = { ...DEFAULT_LIMITS, ...limits };
  const text = decodeInput(input, maxBytes, source);
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let startLine = 1;
  const fail = (
    message: string,
    code: 'XML_MALFORMED' | 'XML_DTD_FORBIDDEN' | 'XML_TOO_DEEP',
    hint?: string,
  ): never => {
    throw new AclError(message, code, { file: source.file, line: parser.line, hint });
  };
  parser.on('error', (error) => fail(`malformed XML: ${stripPosition(error.message)}`, 'XML_MALFORMED'));
  parser.on('doctype', () =>
    fail(
      'a DOCTYPE declaration is not allowed',
      'XML_DTD_FORBIDDEN',
      'Magento configuration files carry no DTD; remove the <!DOCTYPE …> (it could declare entities).',
    ),
  );
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    count += 1;
    if (count > maxElements)
      throw new AclError(`more than ${maxElements} elements`, 'XML_TOO_LARGE', {
        file: source.file,
        line: parser.line,
      });
    if (stack.length >= maxDepth) fail(`elements nested deeper than ${maxDepth} levels`, 'XML_TOO_DEEP');
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...tag.attributes },
      children: [],
      text: '',
      line: startLine,
    };
    if (stack.length === 0) root = element;
    else stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  const appendText = (value: string) => {
    if (stack.length > 0) stack[stack.length - 1].text += value;
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof AclError) throw error;
    throw new AclError(`malformed XML: ${stripPosition((error as Error).message)}`, 'XML_MALFORMED', {
      file: source.file,
      line: parser.line,
      cause: error,
    });
  }
  if (root === undefined)
    throw new AclError('the document has no root element', 'XML_MALFORMED', { file: source.file, line: parser.line });
  return root;
}

function decodeInput(input: string | Uint8Array, maxBytes: number, source: XmlSource): string {
  if (typeof input !== 'string') {
    if (input.byteLength > maxBytes) throw tooLarge(input.byteLength, maxBytes, source);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch (cause) {
      throw new AclError('the file is not valid UTF-8', 'XML_NOT_UTF8', { file: source.file, cause });
    }
  }
  // A UTF-16 code unit is at most 3 UTF-8 bytes; count exactly only when that bound is exceeded.
  if (input.length * 3 > maxBytes) {
    const bytes = new TextEncoder().encode(input).byteLength;
    if (bytes > maxBytes) throw tooLarge(bytes, maxBytes, source);
  }
  return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
}

function tooLarge(bytes: number, maxBytes: number, source: XmlSource): AclError {
  return new AclError(`the document is ${bytes} bytes, more than the limit of ${maxBytes}`, 'XML_TOO_LARGE', {
    file: source.file,
    hint: 'Raise limits.maxBytes if this really is a configuration file.',
  });
}

function stripPosition(message: string): string {
  return message.replace(/^(?:undefined)?:?\d+:\d+: /, '');
}
