export { magentoModuleGenerator } from './generators/magento-module/magento-module';
export type { MagentoModuleGeneratorSchema } from './generators/magento-module/schema';
