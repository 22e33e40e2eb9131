import { AclError } from '../acl-error';

/** One parsed XML element: name, attributes, child elements, direct text and the line it starts on. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

/** Where a document came from, for error messages. */
export interface XmlSource {
  file?: string;
}

/** Returns the child elements called `name`. */
export function findChildren(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** Returns the only child called `name`, undefined when absent; two of them is a structure error. */
export function findOptionalChild(element: XmlElement, name: string, source: XmlSource): XmlElement | undefined {
  const found = findChildren(element, name);
  if (found.length > 1) {
    throw structureError(
      `<${element.name}> has ${found.length} <${name}> elements; at most one is allowed`,
      found[1],
      source,
    );
  }
  return found[0];
}

/** Returns an attribute that must be present and non-empty. */
export function requireAttribute(element: XmlElement, name: string, source: XmlSource): string {
  const value = element.attributes[name];
  if (value === undefined || value.trim() === '') {
    throw structureError(`<${element.name}> needs a non-empty "${name}" attribute`, element, source);
  }
  return value;
}

/** Checks the root element's name. */
export function expectRoot(root: XmlElement, names: readonly string[], what: string, source: XmlSource): void {
  if (!names.includes(root.name)) {
    throw structureError(
      `the root element is <${root.name}>, expected <${names.join('> or <')}> for ${what}`,
      root,
      source,
    );
  }
}

/** Builds the XML_INVALID_STRUCTURE error for an element. */
export function structureError(message: string, element: XmlElement, source: XmlSource, hint?: string): AclError {
  return new AclError(message, 'XML_INVALID_STRUCTURE', { file: source.file, line: element.line, hint });
}
