export { AclError, type AclErrorCode, type AclErrorOptions } from './acl-error';
export { parseXmlDocument, type XmlLimits } from './xml/safe-xml';
export type { XmlElement, XmlSource } from './xml/xml-element';
export { parseAclXml, type AclXmlFile, type AclXmlResource } from './acl-xml';
export {
  parseWebapiXml,
  ROUTE_METHODS,
  type RouteMethod,
  type RouteParameter,
  type WebapiXmlFile,
  type WebapiXmlRoute,
} from './webapi-xml';
export {
  buildResourceTree,
  ALL_RESOURCES_ID,
  ADMIN_ROOT_ID,
  type AclResourceNode,
  type ResourceTree,
} from './resource-tree';
export { getResource, listAncestors, describeBreadcrumb, listResourceIds, sortInTreeOrder } from './tree-queries';
export { mergeWebapiFiles, createRouteTable, buildRouteTable, type Route, type RouteTable } from './route-table';
export { parseRestPath, type RestMode, type RestPathOptions, type RestRequestPath } from './rest-path';
export { matchRoute, listMatchingRoutes, restError, type RestError, type RouteMatch } from './match-route';
export { createMagentoModel, type MagentoModel } from './magento-model';
export {
  assertCaller,
  CALLER_TYPES,
  type Caller,
  type CallerType,
  type GuestCaller,
  type CustomerCaller,
  type AclRoleCaller,
} from './caller';
export { checkResource, hasAllResources, type ResourceVerdict, type VerdictReason } from './permission';
export { resolveForcedParameters, type ForcedParameter } from './forced-params';
export { decide, NOT_AUTHORIZED_MESSAGE, type Decision } from './decide';
export {
  parseIntegrationXml,
  parseIntegrationConfigXml,
  parseIntegrationApiXml,
  mergeIntegrationDeclarations,
  type IntegrationDeclaration,
  type IntegrationFile,
} from './integration-xml';
export { resolveIntegrationResources, type IntegrationGrant } from './integration-resources';
export { computeLeastPrivilege, listReachableRoutes, type LeastPrivilege, type PlannedCall } from './least-privilege';
export { emitIntegrationXml, type IntegrationXmlInput } from './integration-xml-emit';
export { explainRequest, type ExplainedResource, type RequestExplanation } from './explain';
export { serializeMagentoModel, deserializeMagentoModel, type StockData, type StockResource } from './stock-data';
export { loadStockModel, STOCK_RELEASE } from './stock-table';
export {
  describeUnmatchedCall,
  parseCallsText,
  planCallsFile,
  type CallsFileLine,
  type CallsFilePlan,
} from './calls-file';
export { formatRouteSuggestions, suggestRoutes } from './route-suggestions';
