import type { MagentoModuleGeneratorSchema } from '../schema';
import { EXAMPLE_BASE_URL } from './app-defaults';

const MODULE_NAME = /^([A-Z][A-Za-z0-9]*)_([A-Z][A-Za-z0-9]*)$/;
const RESOURCE_ID = /^[A-Z][A-Za-z0-9]*_[A-Za-z0-9]+::[A-Za-z0-9_]+$/;

/** Options after validation, with everything the templates need. */
export interface NormalizedMagentoModuleOptions {
  moduleName: string;
  vendor: string;
  module: string;
  integration: string;
  email: string;
  endpointUrl: string;
  identityLinkUrl: string;
  resources: string[];
  directory: string;
  version: string;
  composerName: string;
  psr4Namespace: string;
}

/** "ShopSync" → "shop-sync" (Magento's composer naming: vendor/module-shop-sync). */
export function toKebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

function fail(message: string): never {
  throw new Error(`magento-module: ${message}`);
}

/** Validates the generator options; every problem names what is wrong and what to do. */
export function normalizeOptions(options: MagentoModuleGeneratorSchema): NormalizedMagentoModuleOptions {
  const match = MODULE_NAME.exec(options.name ?? '');
  if (!match)
    fail(
      `"${options.name}" is not a Magento module name: use Vendor_Module, both parts starting with a capital letter (e.g. Acme_ShopSync).`,
    );
  const integration = (options.integration ?? '').trim();
  if (integration === '')
    fail('--integration is required: the integration name merchants see in System > Extensions > Integrations.');
  let base: URL;
  try {
    base = new URL(options.baseUrl ?? EXAMPLE_BASE_URL);
  } catch {
    fail(`--baseUrl "${options.baseUrl}" is not a URL: give the public https URL of the integration service.`);
  }
  if (base.protocol !== 'https:' && base.hostname !== 'localhost' && base.hostname !== '127.0.0.1') {
    fail(`--baseUrl must use https (Magento posts consumer secrets to it); got ${base.protocol}//${base.host}.`);
  }
  const tenant = options.tenant ?? 'default';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(tenant))
    fail(`--tenant "${tenant}" must be 1-64 letters, digits, _ or - (as the integration generator's).`);
  const resources = [
    ...new Set(
      (options.resources ?? '')
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
  const bad = resources.filter((r) => r !== 'self' && r !== 'anonymous' && !RESOURCE_ID.test(r));
  if (bad.length > 0)
    fail(`not ACL resource ids: ${bad.join(', ')} (expected Vendor_Module::resource, e.g. Magento_Catalog::products).`);
  const root = base.href.replace(/\/+$/, '');
  const [, vendor, module] = match;
  return {
    moduleName: options.name,
    vendor,
    module,
    integration,
    email: options.email ?? 'integrations@example.com',
    endpointUrl: `${root}/magento/callback/${tenant}`,
    identityLinkUrl: `${root}/magento/identity/${tenant}`,
    resources: resources.filter((r) => r !== 'self' && r !== 'anonymous'),
    directory: options.directory ?? `magento/${vendor}/${module}`,
    version: options.version ?? '1.0.0',
    composerName: `${toKebab(vendor)}/module-${toKebab(module)}`,
    psr4Namespace: `${vendor}\\\\${module}\\\\`,
  };
}
