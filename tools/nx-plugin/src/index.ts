export { integrationGenerator } from './generators/integration/integration';
export type { IntegrationGeneratorSchema } from './generators/integration/schema';
export { magentoModuleGenerator } from './generators/magento-module/magento-module';
export type { MagentoModuleGeneratorSchema } from './generators/magento-module/schema';
