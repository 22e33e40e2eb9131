export { integrationGenerator } from './generators/integration/integration';
export type { IntegrationGeneratorSchema } from './generators/integration/schema';
export { magentoModuleGenerator } from './generators/magento-module/magento-module';
export type { MagentoModuleGeneratorSchema } from './generators/magento-module/schema';
export { initGenerator } from './generators/init/init';
export type { InitGeneratorSchema } from './generators/init/schema';
export { presetGenerator } from './generators/preset/preset';
export type { PresetGeneratorSchema } from './generators/preset/schema';
