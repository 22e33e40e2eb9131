import { parseXmlDocument, type XmlLimits } from './xml/safe-xml';
import {
  expectRoot,
  findOptionalChild,
  requireAttribute,
  structureError,
  type XmlElement,
  type XmlSource,
} from './xml/xml-element';

/** One `<resource>` of an acl.xml file, as written (attributes absent stay undefined). */
export interface AclXmlResource {
  id: string;
  title?: string;
  sortOrder?: number;
  disabled?: boolean;
  line: number;
  children: AclXmlResource[];
}

/** A parsed `etc/acl.xml`: the top-level resources under `<config><acl><resources>`. */
export interface AclXmlFile {
  file?: string;
  resources: AclXmlResource[];
}

/**
 * Parses one module's `etc/acl.xml` (schema `urn:magento:framework:Acl/etc/acl.xsd`:
 * `<config><acl><resources><resource id title? sortOrder? disabled?>` nested). See docs/magento-behaviour.md §4.7 (`Framework/Acl/etc/acl.xsd`).
 *
 * @throws AclError XML_* codes with file and line
 */
export function parseAclXml(input: string | Uint8Array, source: XmlSource = {}, limits?: XmlLimits): AclXmlFile {
  const root = parseXmlDocument(input, source, limits);
  expectRoot(root, ['config'], 'acl.xml', source);
  const acl = findOptionalChild(root, 'acl', source);
  const resources = acl === undefined ? undefined : findOptionalChild(acl, 'resources', source);
  if (acl !== undefined) rejectOtherChildren(acl, ['resources'], source);
  return { file: source.file, resources: resources === undefined ? [] : readResourceList(resources, source) };
}

function readResourceList(parent: XmlElement, source: XmlSource): AclXmlResource[] {
  rejectOtherChildren(parent, ['resource'], source);
  return parent.children.map((element) => readResource(element, source));
}

function readResource(element: XmlElement, source: XmlSource): AclXmlResource {
  const resource: AclXmlResource = {
    id: requireAttribute(element, 'id', source),
    line: element.line,
    children: readResourceList(element, source),
  };
  const { title, sortOrder, disabled } = element.attributes;
  if (title !== undefined) resource.title = title;
  if (sortOrder !== undefined) resource.sortOrder = readSortOrder(sortOrder, element, source);
  if (disabled !== undefined) resource.disabled = readBoolean(disabled, element, source);
  return resource;
}

function readSortOrder(value: string, element: XmlElement, source: XmlSource): number {
  if (!/^\s*[+-]?\d+\s*$/.test(value))
    throw structureError(
      `sortOrder="${value}" of resource ${element.attributes.id} is not an integer`,
      element,
      source,
    );
  return Number.parseInt(value, 10);
}

function readBoolean(value: string, element: XmlElement, source: XmlSource): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw structureError(`disabled="${value}" of resource ${element.attributes.id} is not a boolean`, element, source);
}

function rejectOtherChildren(parent: XmlElement, allowed: readonly string[], source: XmlSource): void {
  const other = parent.children.find((child) => !allowed.includes(child.name));
  if (other !== undefined)
    throw structureError(
      `unexpected <${other.name}> inside <${parent.name}>; only <${allowed.join('>, <')}> is allowed`,
      other,
      source,
    );
}
