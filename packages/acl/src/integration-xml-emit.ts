import { AclError } from './acl-error';

/** What `emitIntegrationXml` writes. */
export interface IntegrationXmlInput {
  name: string;
  email: string;
  endpointUrl?: string;
  identityLinkUrl?: string;
  resources: readonly string[];
}

/**
 * Writes a module's `etc/integration.xml` declaring one config-based integration (docs/magento-behaviour.md §4.9;
 * schema `Magento_Integration:etc/integration/integration.xsd`).
 *
 * @throws AclError `INVALID_INTEGRATION` when the name or email is empty
 */
export function emitIntegrationXml(input: IntegrationXmlInput): string {
  if (input.name.trim() === '') throw new AclError('the integration needs a name', 'INVALID_INTEGRATION');
  if (input.email.trim() === '') throw new AclError('the integration needs an email', 'INVALID_INTEGRATION');
  const lines = [
    '<?xml version="1.0"?>',
    '<config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="urn:magento:module:Magento_Integration:etc/integration/integration.xsd">',
    `    <integration name="${escapeXml(input.name)}">`,
    `        <email>${escapeXml(input.email)}</email>`,
  ];
  if (input.endpointUrl) lines.push(`        <endpoint_url>${escapeXml(input.endpointUrl)}</endpoint_url>`);
  if (input.identityLinkUrl)
    lines.push(`        <identity_link_url>${escapeXml(input.identityLinkUrl)}</identity_link_url>`);
  if (input.resources.length > 0) {
    lines.push('        <resources>');
    for (const resource of input.resources) lines.push(`            <resource name="${escapeXml(resource)}"/>`);
    lines.push('        </resources>');
  }
  lines.push('    </integration>', '</config>', '');
  return lines.join('\n');
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
