import { AclError } from './acl-error';
import { parseXmlDocument, type XmlLimits } from './xml/safe-xml';
import {
  expectRoot,
  findChildren,
  findOptionalChild,
  requireAttribute,
  structureError,
  type XmlElement,
  type XmlSource,
} from './xml/xml-element';

/** One integration declared in a module's configuration. */
export interface IntegrationDeclaration {
  name: string;
  email?: string;
  endpointUrl?: string;
  identityLinkUrl?: string;
  /** Resource ids as written (before Magento adds their parents). */
  resources: string[];
  line: number;
}

/** A parsed integration file. */
export interface IntegrationFile {
  file?: string;
  format: 'integration.xml' | 'config.xml' | 'api.xml';
  integrations: IntegrationDeclaration[];
}

/**
 * Parses `etc/integration.xml` (`urn:magento:module:Magento_Integration:etc/integration/integration.xsd`):
 * `<config><integration name><email/><endpoint_url/>?<identity_link_url/>?<resources><resource name/>…`.
 *
 * @throws AclError XML_* codes with file and line
 */
export function parseIntegrationXml(
  input: string | Uint8Array,
  source: XmlSource = {},
  limits?: XmlLimits,
): IntegrationFile {
  return readIntegrations(input, source, limits, 'integration.xml', ['config']);
}

/** Parses the deprecated `etc/integration/config.xml` (`<integrations>`: email and URLs). */
export function parseIntegrationConfigXml(
  input: string | Uint8Array,
  source: XmlSource = {},
  limits?: XmlLimits,
): IntegrationFile {
  return readIntegrations(input, source, limits, 'config.xml', ['integrations']);
}

/** Parses the deprecated `etc/integration/api.xml` (`<integrations>`: resources only). */
export function parseIntegrationApiXml(
  input: string | Uint8Array,
  source: XmlSource = {},
  limits?: XmlLimits,
): IntegrationFile {
  return readIntegrations(input, source, limits, 'api.xml', ['integrations']);
}

function readIntegrations(
  input: string | Uint8Array,
  source: XmlSource,
  limits: XmlLimits | undefined,
  format: IntegrationFile['format'],
  roots: string[],
): IntegrationFile {
  const root = parseXmlDocument(input, source, limits);
  expectRoot(root, roots, format, source);
  const other = root.children.find((child) => child.name !== 'integration');
  if (other !== undefined) throw structureError(`unexpected <${other.name}> inside <${root.name}>`, other, source);
  return {
    file: source.file,
    format,
    integrations: root.children.map((element) => readIntegration(element, format, source)),
  };
}

const FIELDS = { email: 'email', endpoint_url: 'endpointUrl', identity_link_url: 'identityLinkUrl' } as const;

function readIntegration(
  element: XmlElement,
  format: IntegrationFile['format'],
  source: XmlSource,
): IntegrationDeclaration {
  const declaration: IntegrationDeclaration = {
    name: requireAttribute(element, 'name', source),
    resources: [],
    line: element.line,
  };
  const allowed =
    format === 'api.xml'
      ? ['resources']
      : format === 'config.xml'
        ? Object.keys(FIELDS)
        : [...Object.keys(FIELDS), 'resources'];
  for (const child of element.children) {
    if (!allowed.includes(child.name))
      throw structureError(
        `unexpected <${child.name}> in integration "${declaration.name}" of ${format}`,
        child,
        source,
      );
  }
  for (const [tag, key] of Object.entries(FIELDS)) {
    const field = findOptionalChild(element, tag, source);
    if (field !== undefined) declaration[key] = field.text.trim();
  }
  const resources = findOptionalChild(element, 'resources', source);
  if (resources !== undefined)
    declaration.resources = findChildren(resources, 'resource').map((resource) =>
      requireAttribute(resource, 'name', source),
    );
  return declaration;
}

/**
 * Merges integration files like Magento's readers (id attribute `name`; later fields override,
 * resource lists are the union). Give files in module load order. A single file may leave out
 * `<email>` (`integration_file.xsd`); the merged integration.xml declaration must have one
 * (`integration.xsd`).
 *
 * @throws AclError `INVALID_INTEGRATION` when a merged integration.xml declaration has no email
 */
export function mergeIntegrationDeclarations(files: readonly IntegrationFile[]): IntegrationDeclaration[] {
  const byName = new Map<string, IntegrationDeclaration>();
  for (const file of files) {
    for (const declared of file.integrations) {
      const existing = byName.get(declared.name);
      if (existing === undefined) {
        byName.set(declared.name, { ...declared, resources: [...declared.resources] });
        continue;
      }
      for (const key of Object.values(FIELDS)) if (declared[key] !== undefined) existing[key] = declared[key];
      for (const resource of declared.resources)
        if (!existing.resources.includes(resource)) existing.resources.push(resource);
    }
  }
  const merged = [...byName.values()];
  if (files.some((file) => file.format === 'integration.xml')) {
    const noEmail = merged.find((declaration) => declaration.email === undefined);
    if (noEmail !== undefined)
      throw new AclError(
        `integration "${noEmail.name}" has no <email> in any file (required by integration.xsd)`,
        'INVALID_INTEGRATION',
      );
  }
  return merged;
}
