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

/** HTTP methods a webapi.xml route may declare (webapi.xsd `methodType`). */
export const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

/** A `<data><parameter>` override: the value Magento puts into the input (`Webapi\Controller\Rest\ParamsOverrider`, docs/magento-behaviour.md §4.6). */
export interface RouteParameter {
  name: string;
  /** `force="true"` replaces the client's value; otherwise the value only fills a missing one. */
  force: boolean;
  /** The text, e.g. `%customer_id%`; `null` when written as `null`. */
  value: string | null;
}

/** One `<route>` of a webapi.xml file, as written. */
export interface WebapiXmlRoute {
  url: string;
  method: RouteMethod;
  serviceClass: string;
  serviceMethod: string;
  resources: string[];
  parameters: RouteParameter[];
  secure: boolean;
  inputArraySizeLimit?: number;
  line: number;
}

/** A parsed `etc/webapi.xml`. */
export interface WebapiXmlFile {
  file?: string;
  routes: WebapiXmlRoute[];
}

/**
 * Parses one module's `etc/webapi.xml` (schema `urn:magento:module:Magento_Webapi:etc/webapi.xsd`) the
 * way `Magento\Webapi\Model\Config\Converter` reads it: url trimmed, `force` via
 * FILTER_VALIDATE_BOOLEAN, the value `null` as null, `secure` cast like PHP's `(bool)`.
 *
 * @throws AclError XML_* codes with file and line
 */
export function parseWebapiXml(input: string | Uint8Array, source: XmlSource = {}, limits?: XmlLimits): WebapiXmlFile {
  const root = parseXmlDocument(input, source, limits);
  expectRoot(root, ['routes'], 'webapi.xml', source);
  const other = root.children.find((child) => child.name !== 'route');
  if (other !== undefined) throw structureError(`unexpected <${other.name}> inside <routes>`, other, source);
  return { file: source.file, routes: root.children.map((route) => readRoute(route, source)) };
}

function readRoute(element: XmlElement, source: XmlSource): WebapiXmlRoute {
  const url = requireAttribute(element, 'url', source).trim();
  if (!url.startsWith('/')) throw structureError(`route url "${url}" does not start with "/"`, element, source);
  const method = requireAttribute(element, 'method', source);
  if (!(ROUTE_METHODS as readonly string[]).includes(method)) {
    throw structureError(
      `route ${url} has method="${method}"; webapi.xsd allows ${ROUTE_METHODS.join(', ')}`,
      element,
      source,
    );
  }
  const service = findOptionalChild(element, 'service', source);
  if (service === undefined) throw structureError(`route ${method} ${url} has no <service>`, element, source);
  const route: WebapiXmlRoute = {
    url,
    method: method as RouteMethod,
    serviceClass: requireAttribute(service, 'class', source),
    serviceMethod: requireAttribute(service, 'method', source),
    resources: readResources(element, `${method} ${url}`, source),
    parameters: [],
    secure: readSecure(element.attributes.secure),
    line: element.line,
  };
  const data = findOptionalChild(element, 'data', source);
  if (data !== undefined) readData(data, route, source);
  return route;
}

function readResources(route: XmlElement, label: string, source: XmlSource): string[] {
  const resources = findOptionalChild(route, 'resources', source);
  const refs =
    resources === undefined
      ? []
      : findChildren(resources, 'resource').map((resource) => requireAttribute(resource, 'ref', source));
  if (refs.length === 0)
    throw structureError(
      `route ${label} lists no <resources><resource ref="…"/>`,
      resources ?? route,
      source,
      'Use ref="anonymous" for a public route.',
    );
  return [...new Set(refs)];
}

function readData(data: XmlElement, route: WebapiXmlRoute, source: XmlSource): void {
  const limit = data.attributes['input-array-size-limit'];
  if (limit !== undefined) route.inputArraySizeLimit = Number.parseInt(limit, 10) || 0;
  for (const parameter of findChildren(data, 'parameter')) {
    const text = parameter.text;
    route.parameters.push({
      name: requireAttribute(parameter, 'name', source),
      force: isPhpTrue(parameter.attributes.force),
      value: text === 'null' ? null : text,
    });
  }
}

/** PHP `filter_var($v, FILTER_VALIDATE_BOOLEAN)`. */
function isPhpTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'on', 'yes'].includes(value.trim().toLowerCase());
}

/** PHP `(bool) trim($v)`: only "" and "0" are false. */
function readSecure(value: string | undefined): boolean {
  if (value === undefined) return false;
  const trimmed = value.trim();
  return trimmed !== '' && trimmed !== '0';
}
