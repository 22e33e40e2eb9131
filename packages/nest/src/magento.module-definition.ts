import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { MagentoIntegrationOptions } from './config/module-options';

/**
 * `MagentoIntegrationModule.forRoot(options)` / `forRootAsync({ useFactory, inject, imports })`,
 * built with Nest's `ConfigurableModuleBuilder`.
 */
export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: MAGEKIT_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<MagentoIntegrationOptions>().setClassMethodName('forRoot').build();
